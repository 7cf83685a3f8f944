using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A user edited a message the bot can see.</summary>
public sealed record MessageUpdated : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2MESSAGEUPDATE";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The message with its new text.</summary>
    public Message Message { get; init; } = new();

    // An edit can happen many times; the text is part of what makes a delivery distinct.
    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}:{StableHash.Of(Message.Text)}";
}
