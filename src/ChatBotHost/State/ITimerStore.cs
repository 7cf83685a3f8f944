namespace ChatBotHost.State;

/// <summary>
/// Durable timers shared by all host replicas. A due timer is claimed for a lease, fired by its claimer and then
/// completed; a claimer that dies leaves the timer to be claimed again once the lease ends (at-least-once firing).
/// </summary>
public interface ITimerStore
{
    /// <summary>Adds the timer or replaces the one with the same id; a replaced timer loses any claim on it.</summary>
    Task ScheduleAsync(TimerEntry timer, CancellationToken cancellationToken);

    /// <summary>Removes the timer, claimed or not; true if it existed.</summary>
    Task<bool> CancelAsync(string portal, string botCode, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> timers with DueAt &lt;= <paramref name="now"/>, earliest first. A claimed timer
    /// is invisible to other claimers until now + <paramref name="lease"/>, after which it can be claimed again.
    /// Atomic across replicas: two concurrent claimers never get the same timer within one lease.
    /// </summary>
    Task<IReadOnlyList<ClaimedTimer>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the timer if it still carries this claim; false (and nothing deleted) when the timer was re-scheduled,
    /// cancelled or re-claimed after the lease ran out.
    /// </summary>
    Task<bool> CompleteAsync(ClaimedTimer claimed, CancellationToken cancellationToken);

    /// <summary>The earliest DueAt (a claimed timer counts at its lease end), or null when no timer is stored.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
