using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A user wrote to the bot (1:1, an @mention, or any message for supervisor/personal bots).</summary>
public sealed record MessageAdded : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2MESSAGEADD";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The new message.</summary>
    public Message Message { get; init; } = new();

    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}";
}
