namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.User.delete: removes a member (the bot must be a chat admin).</summary>
public sealed record ChatUserDeleteRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.User.delete";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>The user to remove.</summary>
    public required int UserId { get; init; }
}
