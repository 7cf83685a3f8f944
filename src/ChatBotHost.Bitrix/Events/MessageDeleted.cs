namespace ChatBotHost.Bitrix.Events;

/// <summary>A message the bot could see was deleted.</summary>
public sealed record MessageDeleted : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2MESSAGEDELETE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The id of the deleted message.</summary>
    public int MessageId { get; init; }

    /// <inheritdoc />
    protected override string NaturalKey => $"{MessageId}";
}
