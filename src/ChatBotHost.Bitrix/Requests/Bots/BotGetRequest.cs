namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>imbot.v2.Bot.get: one bot by botId or by code.</summary>
public sealed record BotGetRequest : BotRequest<BotResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Bot.get";

    /// <summary>Look the bot up by its code instead of its id.</summary>
    public string? Code { get; init; }
}
