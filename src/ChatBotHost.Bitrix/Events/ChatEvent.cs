using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>An event that happens in a chat, caused by a user.</summary>
public abstract record ChatEvent : BotEvent
{
    /// <summary>The chat the event happened in.</summary>
    public Chat Chat { get; init; } = new();

    /// <summary>The user who caused it.</summary>
    public User User { get; init; } = new();

    /// <summary>The dialog id the event named explicitly (JOINCHAT, CONTEXTGET), if any.</summary>
    public string? ExplicitDialogId { get; init; }

    /// <inheritdoc />
    public override string? DialogId => ResolveDialogId(ExplicitDialogId, Chat, User);

    /// <summary>
    /// The explicit dialogId wins; then the chat's; a group chat without one is "chat{id}",
    /// and a private chat is addressed by the other party's user id (spec §3).
    /// </summary>
    internal static string? ResolveDialogId(string? explicitDialogId, Chat chat, User user)
    {
        if (!string.IsNullOrEmpty(explicitDialogId))
        {
            return explicitDialogId;
        }

        if (!string.IsNullOrEmpty(chat.DialogId))
        {
            return chat.DialogId;
        }

        if (string.Equals(chat.Type, "private", StringComparison.Ordinal) && user.Id > 0)
        {
            return user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return chat.Id > 0 ? $"chat{chat.Id}" : (user.Id > 0 ? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
