namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>imbot.v2.Bot.unregister: deletes the bot and its event subscriptions.</summary>
public sealed record BotUnregisterRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Bot.unregister";
}
