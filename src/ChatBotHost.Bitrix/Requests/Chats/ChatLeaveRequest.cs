namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.leave: the bot leaves the chat.</summary>
public sealed record ChatLeaveRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.leave";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }
}
