namespace ChatBotHost.State.InMemory;

/// <summary>
/// Timers in process memory with the claim and lease semantics of the Redis store. Time comes only from the
/// callers' <c>now</c>, so the store needs no clock. Claims scan every timer: fine for local mode's handful of timers.
/// </summary>
public sealed class InMemoryTimerStore : ITimerStore
{
    private readonly Dictionary<(string Portal, string BotCode, string Id), Slot> _timers = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task ScheduleAsync(TimerEntry timer, CancellationToken cancellationToken)
    {
        var key = KeyOf(timer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // A fresh slot carries no claim token, so the claimer of the replaced timer cannot complete this one.
            _timers[key] = new Slot(timer, timer.DueAt, ClaimToken: null);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(string portal, string botCode, string id, CancellationToken cancellationToken)
    {
        var key = Key(portal, botCode, id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_timers.Remove(key));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedTimer>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        TimerRules.ValidateClaim(lease, max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var due = _timers
                .Where(pair => pair.Value.VisibleAt <= now)
                .OrderBy(pair => pair.Value.VisibleAt)
                .ThenBy(pair => pair.Key.Portal, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.BotCode, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            var claimed = new List<ClaimedTimer>(due.Count);
            foreach (var (key, slot) in due)
            {
                var token = TimerRules.NewClaimToken();
                _timers[key] = slot with { VisibleAt = now + lease, ClaimToken = token };
                claimed.Add(new ClaimedTimer(slot.Timer, token));
            }

            return Task.FromResult<IReadOnlyList<ClaimedTimer>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(ClaimedTimer claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var key = KeyOf(claimed.Timer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var stillOurs = _timers.TryGetValue(key, out var slot)
                && string.Equals(slot.ClaimToken, claimed.ClaimToken, StringComparison.Ordinal);
            return Task.FromResult(stillOurs && _timers.Remove(key));
        }
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_timers.Count == 0 ? null : (DateTimeOffset?)_timers.Values.Min(slot => slot.VisibleAt));
        }
    }

    private static (string, string, string) KeyOf(TimerEntry timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Key(timer.Portal, timer.BotCode, timer.Id);
    }

    private static (string, string, string) Key(string portal, string botCode, string id)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(botCode);
        ArgumentNullException.ThrowIfNull(id);
        return (portal, botCode, id);
    }

    // VisibleAt is DueAt until the timer is claimed, then the end of the claimer's lease.
    private sealed record Slot(TimerEntry Timer, DateTimeOffset VisibleAt, string? ClaimToken);
}
