namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.get: a chat the bot belongs to.</summary>
public sealed record ChatGetRequest : BotRequest<ChatResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.get";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }
}
