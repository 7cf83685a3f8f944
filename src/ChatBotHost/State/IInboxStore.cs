namespace ChatBotHost.State;

/// <summary>
/// The durable inbox: one FIFO queue per dialog, and claims with leases, so each dialog's events run one at a time and
/// in order while different dialogs run in parallel, on one replica or many. A claimer that dies leaves its dialog to
/// be claimed again once the lease runs out (at-least-once processing).
/// </summary>
public interface IInboxStore
{
    /// <summary>
    /// Appends the items, in order, to their dialogs' queues in one atomic step; all must belong to one portal. A dialog
    /// that was empty becomes claimable at its item's ReceivedAt. When this returns the items are stored. Per item:
    /// true when it made its dialog claimable (nothing was queued in it): only then can idle workers find new work.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="storeBy">
    /// The latest time, on the store's own clock, at which the items may still be stored. A store reached over a network
    /// checks it where it stores, in the same atomic step, so a call that arrives late (sent on a stalled connection, or
    /// queued behind one) stores nothing, and a caller that gave up waiting can tell its sender the truth. A store in
    /// process memory stores when called, so there is nothing late to refuse.
    /// </param>
    /// <param name="cancellationToken">Stops the wait for the answer, not a call already sent.</param>
    /// <exception cref="EnqueueTooLateException">The store got the call after <paramref name="storeBy"/>: nothing was stored.</exception>
    Task<IReadOnlyList<bool>> EnqueueAsync(IReadOnlyList<InboxItem> items, DateTimeOffset storeBy, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> of the portal's dialogs that have events, are ready by <paramref name="now"/>
    /// and are not claimed (or whose claim's lease ran out), earliest ready first, each with its oldest event. A claimed
    /// dialog is invisible to other claimers until now + <paramref name="lease"/>. Atomic across replicas.
    /// A claim that takes over a dialog whose previous claim ran out unsettled counts that one as an attempt of the head,
    /// in the same atomic step: the head comes with <see cref="InboxItem.Attempts"/> raised by
    /// <see cref="InboxClaim.RanOut"/>, so an event that kills every replica running it is still counted.
    /// </summary>
    Task<IReadOnlyList<InboxClaim>> ClaimAsync(string portal, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the claimed event and releases the dialog (claimable again at once if more events wait) if the claim still
    /// holds; false, and nothing changed, when the dialog was claimed again after the lease ran out. The next head starts
    /// with no ran-out claims.
    /// </summary>
    Task<bool> AckAsync(InboxClaim claim, CancellationToken cancellationToken);

    /// <summary>Extends the claim's lease to now + <paramref name="lease"/> if it still holds; false when it was lost.</summary>
    Task<bool> RenewAsync(InboxClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the claimed event with <paramref name="head"/> (the same event, e.g. with one more attempt), keeps it first
    /// in its dialog, and releases the dialog until <paramref name="availableAt"/>; false when the claim no longer holds.
    /// The head's attempts are taken as they are: the ran-out claims the claim reported are expected to be in them.
    /// </summary>
    Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the claim up without settling its event and without counting it as an attempt (a turn cancelled by a clean
    /// shutdown): the dialog stays hidden until the claim's lease would have ended, then its head is claimed as it is.
    /// False when the claim no longer holds.
    /// </summary>
    Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken);

    /// <summary>How many events of the portal wait or run, over all its dialogs.</summary>
    Task<long> DepthAsync(string portal, CancellationToken cancellationToken);
}
