namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.User.add: adds members (the bot must be a chat admin; unknown ids are skipped).</summary>
public sealed record ChatUserAddRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.User.add";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>The users to add.</summary>
    public required IReadOnlyList<int> UserIds { get; init; }
}
