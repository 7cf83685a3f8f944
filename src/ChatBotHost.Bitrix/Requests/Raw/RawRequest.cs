using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>
/// Any REST method by name with parameters as JSON (crm.lead.add, user.get, …), answering its <c>result</c> untyped.
/// It travels like a typed request: plainly, coalesced into a batch, retried and recorded.
/// </summary>
[JsonConverter(typeof(RawRequestConverter))]
public sealed record RawRequest : BitrixRequest<JsonNode?>, IRawRequest
{
    private readonly string _method;

    /// <summary>Creates the call; the parameters are copied, so later changes to <paramref name="parameters"/> do not reach it.</summary>
    public RawRequest(string method, JsonObject? parameters)
    {
        _method = RawParameters.CheckMethod(method);
        Parameters = RawParameters.Copy(parameters);
    }

    /// <inheritdoc />
    public override string Method => _method;

    /// <summary>The parameters exactly as they are sent (no naming policy), before authorization is added.</summary>
    public JsonObject Parameters { get; }

    /// <summary>
    /// The dialog the call belongs to, if any: calls of one dialog keep their order in the outbox. Not sent.
    /// </summary>
    public string? DialogId { get; init; }
}
