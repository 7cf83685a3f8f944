namespace ChatBotHost.Bitrix.Events;

/// <summary>The bot was added to a chat, or a user opened a private dialog with it: the usual place to greet.</summary>
public sealed record BotJoinedChat : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2JOINCHAT";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <inheritdoc />
    protected override string NaturalKey => $"{DialogId}:{User.Id}:{Date?.ToUnixTimeSeconds()}";
}
