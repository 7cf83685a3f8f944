namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>imbot.v2.Bot.update: changes profile, flags, event mode, or rotates the botToken.</summary>
public sealed record BotUpdateRequest : BotRequest<BotResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Bot.update";

    /// <summary>What to change.</summary>
    public required BotUpdateFields Fields { get; init; }
}
