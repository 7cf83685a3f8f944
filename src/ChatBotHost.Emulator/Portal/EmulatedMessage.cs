using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Portal;

/// <summary>
/// A message as the portal stores it. <see cref="DialogId"/> is the dialog as a human user sees it:
/// the bot's id for a user↔bot chat, "chat{N}" for a group chat.
/// </summary>
public sealed record EmulatedMessage(
    int Id,
    int ChatId,
    string DialogId,
    int AuthorId,
    string Text,
    JsonNode? Keyboard,
    JsonNode? Attach,
    bool IsSystem,
    bool ViaCommandAnswer,
    DateTimeOffset Date)
{
    /// <summary>The bot that posted it (also for its system messages, whose AuthorId is 0); null for users' messages.</summary>
    public int? PostedByBotId { get; init; }

    /// <summary>The client-chosen dedupe id (Chat.Message.send's templateId), or "" when none was given.</summary>
    public string Uuid { get; init; } = "";

    /// <summary>The message this one quotes (Chat.Message.send's replyId), if any.</summary>
    public int? ReplyId { get; init; }

    /// <summary>The original of a forwarded copy (Chat.Message.send's forwardIds), if this is one.</summary>
    public int? ForwardedFromId { get; init; }

    /// <summary>The files the message carries (File.upload, or a user's attachment).</summary>
    public IReadOnlyList<EmulatedFile> Files { get; init; } = [];

    /// <summary>True once the author edited the message.</summary>
    public bool IsEdited { get; init; }

    /// <summary>
    /// Positions (in the keyboard's BUTTONS) of the BLOCK=Y buttons a user pressed: disabled from then on, for every
    /// client and across page reloads. A new keyboard (Chat.Message.update) starts with none pressed.
    /// </summary>
    public IReadOnlyList<int> PressedButtons { get; init; } = [];
}
