namespace ChatBotHost.State;

/// <summary>
/// An application portal was uninstalled: every replica must stop calling it. <see cref="InstalledAt"/> is the
/// installation that ended, so a later re-install (a newer InstalledAt) is not stopped by it.
/// </summary>
public sealed record PortalRevocation(string MemberId, DateTimeOffset InstalledAt);
