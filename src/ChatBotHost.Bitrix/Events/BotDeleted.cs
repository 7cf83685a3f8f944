namespace ChatBotHost.Bitrix.Events;

/// <summary>The bot was unregistered; this is the last event it receives.</summary>
public sealed record BotDeleted : BotEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2DELETE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <inheritdoc />
    protected override string NaturalKey => $"{Bot.Id}";
}
