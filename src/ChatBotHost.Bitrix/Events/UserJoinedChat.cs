namespace ChatBotHost.Bitrix.Events;

/// <summary>The user was added to a chat (user events, withUserEvents).</summary>
public sealed record UserJoinedChat : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMV2JOINCHAT";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <inheritdoc />
    protected override string NaturalKey => $"{DialogId}:{User.Id}:{Date?.ToUnixTimeSeconds()}";
}
