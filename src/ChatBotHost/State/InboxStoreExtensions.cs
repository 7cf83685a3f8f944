namespace ChatBotHost.State;

/// <summary>Conveniences over <see cref="IInboxStore"/>.</summary>
public static class InboxStoreExtensions
{
    /// <summary>Appends one item; true when it made its dialog claimable.</summary>
    public static async Task<bool> EnqueueAsync(this IInboxStore store, InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var added = await store.EnqueueAsync([item], cancellationToken);
        return added[0];
    }
}
