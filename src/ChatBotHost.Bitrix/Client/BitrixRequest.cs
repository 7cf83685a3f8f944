using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Client;

/// <summary>
/// One REST call: the method name plus its parameters as properties (serialized camelCase, nulls omitted).
/// Authorization (botToken or OAuth auth) is added by the client, never by the request.
/// </summary>
/// <typeparam name="TResult">The type of the response's <c>result</c>.</typeparam>
public abstract record BitrixRequest<TResult>
{
    /// <summary>The REST method, e.g. imbot.v2.Chat.Message.send.</summary>
    [JsonIgnore]
    public abstract string Method { get; }
}
