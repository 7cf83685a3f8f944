namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.add: creates a group chat with the bot in it.</summary>
public sealed record ChatAddRequest : BotRequest<ChatResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.add";

    /// <summary>Title, members and the rest; all optional.</summary>
    public ChatAddFields? Fields { get; init; }
}
