namespace ChatBotHost.State.InMemory;

/// <summary>
/// Per-dialog queues in process memory with the claim and lease semantics of the Redis store (local mode, unit tests
/// and the test kit). Time comes only from the callers, so the store needs no clock.
/// </summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PortalInbox> _portals = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="storeBy"/> is not checked: nothing stands between the caller and this store, so a call is stored
    /// the moment it is made (the caller checks its deadline before calling), and the store has no clock of its own.
    /// </remarks>
    public Task<IReadOnlyList<bool>> EnqueueAsync(IReadOnlyList<InboxItem> items, DateTimeOffset storeBy, CancellationToken cancellationToken)
    {
        InboxRules.ValidateItems(items);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<bool>>([.. items.Select(Append)]);
        }
    }

    // Under the lock.
    private bool Append(InboxItem item)
    {
        var inbox = PortalOf(item.Portal);
        var dialog = DialogOf(item);
        if (!inbox.Queues.TryGetValue(dialog, out var queue))
        {
            queue = new LinkedList<InboxItem>();
            inbox.Queues[dialog] = queue;
        }

        queue.AddLast(item);
        // Only a dialog that is not listed yet becomes ready: a claimed or deferred one keeps its time.
        return inbox.ReadyAt.TryAdd(dialog, item.ReceivedAt);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxClaim>> ClaimAsync(
        string portal, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        InboxRules.ValidateLease(lease, max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var inbox = PortalOf(portal);
            var ready = inbox.ReadyAt
                .Where(pair => pair.Value <= now)
                .OrderBy(pair => pair.Value)
                .ThenBy(pair => pair.Key.BotCode, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.DialogId, StringComparer.Ordinal)
                .Take(max)
                .Select(pair => pair.Key)
                .ToList();
            var claims = new List<InboxClaim>(ready.Count);
            foreach (var dialog in ready)
            {
                // An owner left behind is a claim that ran out unsettled: counted with this claim, as the Redis store does.
                var ranOut = inbox.RanOut.GetValueOrDefault(dialog);
                if (inbox.Owners.ContainsKey(dialog))
                {
                    inbox.RanOut[dialog] = ++ranOut;
                }

                var token = TimerRules.NewClaimToken();
                inbox.Owners[dialog] = token;
                inbox.ReadyAt[dialog] = now + lease;
                var head = inbox.Queues[dialog].First!.Value;
                claims.Add(new InboxClaim(head with { Attempts = head.Attempts + ranOut }, token, now) { RanOut = ranOut });
            }

            return Task.FromResult<IReadOnlyList<InboxClaim>>(claims);
        }
    }

    /// <inheritdoc />
    public Task<bool> AckAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryHeld(claim, out var inbox, out var dialog))
            {
                return Task.FromResult(false);
            }

            var queue = inbox.Queues[dialog];
            queue.RemoveFirst();
            inbox.Owners.Remove(dialog);
            inbox.RanOut.Remove(dialog);
            if (queue.Count == 0)
            {
                inbox.Queues.Remove(dialog);
                inbox.ReadyAt.Remove(dialog);
            }
            else
            {
                inbox.ReadyAt[dialog] = claim.ClaimedAt;
            }

            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(InboxClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        InboxRules.ValidateLease(lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryHeld(claim, out var inbox, out var dialog))
            {
                return Task.FromResult(false);
            }

            inbox.ReadyAt[dialog] = now + lease;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt, CancellationToken cancellationToken)
    {
        InboxRules.ValidateHead(claim, head);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryHeld(claim, out var inbox, out var dialog))
            {
                return Task.FromResult(false);
            }

            inbox.Queues[dialog].First!.Value = head;
            inbox.Owners.Remove(dialog);
            inbox.RanOut.Remove(dialog);
            inbox.ReadyAt[dialog] = availableAt;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // ReadyAt keeps the lease end: the dialog is claimed again from then on, and not counted as ran out.
            return Task.FromResult(TryHeld(claim, out var inbox, out var dialog) && inbox.Owners.Remove(dialog));
        }
    }

    /// <inheritdoc />
    public Task<long> DepthAsync(string portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_portals.TryGetValue(portal, out var inbox) ? inbox.Queues.Values.Sum(q => (long)q.Count) : 0L);
        }
    }

    private bool TryHeld(InboxClaim claim, out PortalInbox inbox, out (string BotCode, string DialogId) dialog)
    {
        inbox = PortalOf(claim.Item.Portal);
        dialog = DialogOf(claim.Item);
        return inbox.Owners.TryGetValue(dialog, out var owner) && owner == claim.Token;
    }

    private PortalInbox PortalOf(string portal)
    {
        if (!_portals.TryGetValue(portal, out var inbox))
        {
            inbox = new PortalInbox();
            _portals[portal] = inbox;
        }

        return inbox;
    }

    private static (string BotCode, string DialogId) DialogOf(InboxItem item) => (item.BotCode, item.DialogId);

    // ReadyAt lists every dialog that has events: its ready time, or the end of its claim's lease while claimed.
    private sealed class PortalInbox
    {
        public Dictionary<(string BotCode, string DialogId), LinkedList<InboxItem>> Queues { get; } = [];

        public Dictionary<(string BotCode, string DialogId), DateTimeOffset> ReadyAt { get; } = [];

        public Dictionary<(string BotCode, string DialogId), string> Owners { get; } = [];

        public Dictionary<(string BotCode, string DialogId), int> RanOut { get; } = [];
    }
}
