namespace ChatBotHost.State;

/// <summary>Conveniences over <see cref="IInboxStore"/>.</summary>
public static class InboxStoreExtensions
{
    /// <summary>Appends one item, with no deadline; true when it made its dialog claimable.</summary>
    public static async Task<bool> EnqueueAsync(this IInboxStore store, InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var added = await store.EnqueueAsync([item], DateTimeOffset.MaxValue, cancellationToken);
        return added[0];
    }

    /// <summary>Appends the items with no deadline (a maintenance command, a test): whenever the store gets them, they count.</summary>
    public static Task<IReadOnlyList<bool>> EnqueueAsync(this IInboxStore store, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.EnqueueAsync(items, DateTimeOffset.MaxValue, cancellationToken);
    }
}
