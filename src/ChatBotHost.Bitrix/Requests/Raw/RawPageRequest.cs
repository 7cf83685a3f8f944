using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>
/// One page of a list method (crm.lead.list, user.get, …) by name: its <c>result</c> with the envelope's
/// <c>next</c> and <c>total</c>, which a plain result does not carry.
/// </summary>
[JsonConverter(typeof(RawRequestConverter))]
public sealed record RawPageRequest : BitrixRequest<RawPage>, IRawRequest
{
    private readonly string _method;

    /// <summary>Creates the call; the parameters (with <c>start</c>, where the page begins) are copied.</summary>
    public RawPageRequest(string method, JsonObject? parameters)
    {
        _method = RawParameters.CheckMethod(method);
        Parameters = RawParameters.Copy(parameters);
    }

    /// <inheritdoc />
    public override string Method => _method;

    /// <summary>The parameters exactly as they are sent, before authorization is added.</summary>
    public JsonObject Parameters { get; }

    /// <summary>The dialog the call belongs to, if any (orders it among the dialog's calls). Not sent.</summary>
    public string? DialogId { get; init; }
}
