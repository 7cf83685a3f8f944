namespace ChatBotHost.Abstractions.Messages;

/// <summary>How the avatar of a USER block is drawn.</summary>
public enum AvatarType
{
    /// <summary>As a person (wire: USER).</summary>
    User,

    /// <summary>As a chat (wire: CHAT).</summary>
    Chat,

    /// <summary>As a bot (wire: BOT).</summary>
    Bot,
}
