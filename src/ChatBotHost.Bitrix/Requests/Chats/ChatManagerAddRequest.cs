namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.Manager.add: makes members managers (the bot must own the chat).</summary>
public sealed record ChatManagerAddRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Manager.add";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>The members to promote; non-members are ignored.</summary>
    public required IReadOnlyList<int> UserIds { get; init; }
}
