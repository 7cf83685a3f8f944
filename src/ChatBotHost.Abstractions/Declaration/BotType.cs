namespace ChatBotHost.Abstractions.Declaration;

/// <summary>The bot type decides which group-chat messages reach it (spec §3).</summary>
public enum BotType
{
    /// <summary>Only messages that @mention it (all messages in 1:1).</summary>
    Bot,

    /// <summary>Every message of the chats it belongs to.</summary>
    Supervisor,

    /// <summary>Every message, for AI assistants.</summary>
    Personal,

    /// <summary>Open Channels bot.</summary>
    Openline,
}
