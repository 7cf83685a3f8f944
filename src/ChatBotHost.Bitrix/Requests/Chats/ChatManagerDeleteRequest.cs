namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.Manager.delete: takes manager rights away (the bot must own the chat).</summary>
public sealed record ChatManagerDeleteRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Manager.delete";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>The managers to demote.</summary>
    public required IReadOnlyList<int> UserIds { get; init; }
}
