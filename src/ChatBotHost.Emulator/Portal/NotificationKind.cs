namespace ChatBotHost.Emulator.Portal;

/// <summary>How a notification came to be.</summary>
public enum NotificationKind
{
    /// <summary>im.notify.system.add: from the system, no author.</summary>
    System,

    /// <summary>im.notify.personal.add: from the user the credentials act as.</summary>
    Personal,

    /// <summary>A notification with buttons, answered with im.notify.confirm (the portal's own, e.g. an invitation).</summary>
    Confirm,
}
