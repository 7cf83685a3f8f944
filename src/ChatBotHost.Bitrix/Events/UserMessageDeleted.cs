namespace ChatBotHost.Bitrix.Events;

/// <summary>A message was deleted in one of the user's chats (user events, withUserEvents).</summary>
public sealed record UserMessageDeleted : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMV2MESSAGEDELETE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The id of the deleted message.</summary>
    public int MessageId { get; init; }

    /// <inheritdoc />
    protected override string NaturalKey => $"{MessageId}";
}
