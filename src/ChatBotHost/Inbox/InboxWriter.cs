using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// What the intakes and the timer dispatcher store events through: one <see cref="EnqueueLane"/> per portal, which
/// stores concurrent enqueues together and wakes local workers when there is new work for them.
/// </summary>
/// <remarks>With Redis replicas required, "stored" means on enough replicas too (<see cref="IInboxReplication"/>).</remarks>
internal sealed class InboxWriter(IInboxStore store, InboxSignal signal, TimeProvider time, IInboxReplication? replication = null)
{
    private readonly ConcurrentDictionary<string, EnqueueLane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Stores the event durably; when this returns, it may be acknowledged to Bitrix24.</summary>
    public Task EnqueueAsync(InboxItem item, CancellationToken cancellationToken) => EnqueueAsync([item], cancellationToken);

    /// <summary>Stores the events (of one portal) durably, in order and all together.</summary>
    public Task EnqueueAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        InboxRules.ValidateItems(items);
        return items.Count == 0
            ? Task.CompletedTask
            : _lanes.GetOrAdd(items[0].Portal, _ => new EnqueueLane(store, signal, time, replication)).AddAsync(WithTrace(items), cancellationToken);
    }

    // Here, in the caller's flow: the lane stores the events of several callers together, outside their activities.
    private static IReadOnlyList<InboxItem> WithTrace(IReadOnlyList<InboxItem> items) =>
        Activity.Current is { Recorded: true } current
            ? [.. items.Select(i => i.TraceParent is null ? i with { TraceParent = current.Id } : i)]
            : items;
}
