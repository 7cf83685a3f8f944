using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests;

/// <summary>A call made as one bot: it carries botId (filled in by the credentials when left at 0).</summary>
/// <typeparam name="TResult">The type of the response's <c>result</c>.</typeparam>
public abstract record BotRequest<TResult> : BitrixRequest<TResult>
{
    /// <summary>The bot's user id; 0 lets the credentials supply their configured bot.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int BotId { get; init; }
}
