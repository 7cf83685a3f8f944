using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A message was written in one of the user's chats (user events, withUserEvents).</summary>
public sealed record UserMessageAdded : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMV2MESSAGEADD";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The message.</summary>
    public Message Message { get; init; } = new();

    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}";
}
