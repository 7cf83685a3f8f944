using System.Globalization;

namespace ChatBotHost.State;

/// <summary>
/// Waits for a named lease of an <see cref="ILeaseStore"/> and keeps it renewed while held: a lock that holds across
/// host replicas and frees itself when its holder dies. Each acquisition gets its own owner id (this process's id plus a
/// sequence number), so two holders in one process are told apart as well as two replicas are.
/// </summary>
public sealed partial class LeaseLock
{
    // Waiting polls the store: short first delays keep a just-freed lock's hand-over quick, the cap keeps many waiters
    // from hammering Redis, and the jitter keeps waiters of different replicas from retrying in lockstep.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly ILeaseStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _processOwner;
    private long _sequence;

    /// <summary>Creates the lock over <paramref name="store"/>; waits and renewals run on <paramref name="timeProvider"/>.</summary>
    public LeaseLock(ILeaseStore store, TimeProvider timeProvider, ILogger<LeaseLock> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger;
        // Machine and process make a holder recognisable in redis-cli; the random part keeps two instances (or a
        // restarted process that got the same pid) from ever sharing an owner id.
        _processOwner = string.Create(
            CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Waits until the lease <paramref name="name"/> is ours for <paramref name="ttl"/>, then renews it every ttl/3 until
    /// the handle is disposed. Throws OperationCanceledException if cancelled while waiting.
    /// </summary>
    public async Task<LeaseHandle> AcquireAsync(string name, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var owner = string.Create(CultureInfo.InvariantCulture, $"{_processOwner}/{Interlocked.Increment(ref _sequence)}");
        var delay = FirstRetryDelay;
        while (!await _store.TryAcquireAsync(name, owner, ttl, cancellationToken))
        {
            await Task.Delay(Jittered(delay), _timeProvider, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }

        return new LeaseHandle(_store, name, owner, ttl, _timeProvider, _logger);
    }

    // Between half and all of the delay.
    private static TimeSpan Jittered(TimeSpan delay) =>
        delay * (0.5 + (Random.Shared.NextDouble() / 2));
}
