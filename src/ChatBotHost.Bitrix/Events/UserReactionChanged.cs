using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>Someone reacted to a message in one of the user's chats (user events, withUserEvents).</summary>
public sealed record UserReactionChanged : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMV2REACTIONCHANGE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The reaction code, e.g. like.</summary>
    public string Reaction { get; init; } = "";

    /// <summary>add or delete.</summary>
    public string Action { get; init; } = "";

    /// <summary>The message reacted to.</summary>
    public Message Message { get; init; } = new();

    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}:{User.Id}:{Reaction}:{Action}:{Date?.ToUnixTimeSeconds()}";
}
