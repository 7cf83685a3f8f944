namespace ChatBotHost.Emulator.Portal;

/// <summary>A notification in a user's notification list.</summary>
/// <param name="Id">The notification id the adding method returned.</param>
/// <param name="UserId">Who receives it.</param>
/// <param name="AuthorId">Who sent it; 0 for system notifications.</param>
/// <param name="Kind">System, personal or confirm.</param>
/// <param name="Message">Its text.</param>
/// <param name="Date">When it was added (portal clock).</param>
public sealed record EmulatedNotification(int Id, int UserId, int AuthorId, NotificationKind Kind, string Message, DateTimeOffset Date)
{
    /// <summary>The buttons of a confirm notification; empty for the others.</summary>
    public IReadOnlyList<NotificationButton> Buttons { get; init; } = [];

    /// <summary>The NOTIFY_VALUE the user answered with (im.notify.confirm), or null while unanswered.</summary>
    public string? Answer { get; init; }

    public string Tag { get; init; } = "";
}
