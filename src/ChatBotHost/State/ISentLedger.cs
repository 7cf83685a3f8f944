namespace ChatBotHost.State;

/// <summary>
/// Remembers the result of each outgoing call that carried an idempotency key, so the same call made again by a
/// repeated turn returns the recorded result instead of reaching the portal twice.
/// </summary>
public interface ISentLedger
{
    /// <summary>The recorded result (JSON) of the bot's call with this key, or null when none is recorded.</summary>
    Task<string?> FindAsync(string portal, string botCode, string key, CancellationToken cancellationToken);

    /// <summary>Records the call's result for <paramref name="retention"/>.</summary>
    Task RecordAsync(string portal, string botCode, string key, string result, TimeSpan retention, CancellationToken cancellationToken);
}
