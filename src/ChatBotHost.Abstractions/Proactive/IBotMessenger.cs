namespace ChatBotHost.Abstractions.Proactive;

/// <summary>
/// Makes a bot speak in a dialog outside a turn — from a hosted service, a scheduled job, an endpoint (inject it). The
/// message is queued in the dialog's inbox, so it keeps its place among the dialog's events (one turn at a time, in
/// order), survives a restart with Redis, and is sent through the portal's rate limit like any reply.
/// </summary>
public interface IBotMessenger
{
    /// <summary>Queues the message and returns its id; completes once it is stored, not once it is sent.</summary>
    /// <exception cref="BotMessengerException">No such bot serves that portal here, or the message is not sendable.</exception>
    Task<string> SendAsync(ProactiveMessage message, CancellationToken cancellationToken);
}
