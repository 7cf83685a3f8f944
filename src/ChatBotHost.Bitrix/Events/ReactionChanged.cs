using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A user added or removed a reaction on one of the bot's messages.</summary>
public sealed record ReactionChanged : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2REACTIONCHANGE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The reaction code, e.g. like.</summary>
    public string Reaction { get; init; } = "";

    /// <summary>add or delete.</summary>
    public string Action { get; init; } = "";

    /// <summary>The bot's message that was reacted to.</summary>
    public Message Message { get; init; } = new();

    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}:{User.Id}:{Reaction}:{Action}:{Date?.ToUnixTimeSeconds()}";
}
