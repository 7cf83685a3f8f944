namespace ChatBotHost.Emulator.Portal;

/// <summary>A snapshot of a chat: a group chat or a private user↔bot chat.</summary>
public sealed record EmulatedChat(
    int Id,
    bool IsPrivate,
    string Title,
    int OwnerId,
    IReadOnlyList<int> MemberIds,
    bool TextFieldEnabled)
{
    /// <summary>The dialog id a human member uses: the bot's id for a private chat, "chat{N}" otherwise.</summary>
    public required string UserDialogId { get; init; }
}
