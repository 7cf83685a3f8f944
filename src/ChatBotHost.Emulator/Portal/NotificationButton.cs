namespace ChatBotHost.Emulator.Portal;

/// <summary>A button of a confirm notification: its caption and the NOTIFY_VALUE that im.notify.confirm sends for it.</summary>
public sealed record NotificationButton(string Title, string Value);
