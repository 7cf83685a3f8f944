using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.User.list: the chat's members; the result is a bare array.</summary>
public sealed record ChatUserListRequest : BotRequest<IReadOnlyList<User>>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.User.list";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>Sort, e.g. {"id": "ASC"}; keys id, lastSendMessageId or userId.</summary>
    public IReadOnlyDictionary<string, string>? Order { get; init; }

    /// <summary>1–200 (server default 50); no offset exists.</summary>
    public int? Limit { get; init; }
}
