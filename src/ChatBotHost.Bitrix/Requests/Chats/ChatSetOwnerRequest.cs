namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.setOwner: hands ownership to another user (the bot must be the owner).</summary>
public sealed record ChatSetOwnerRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.setOwner";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>The new owner.</summary>
    public required int UserId { get; init; }
}
