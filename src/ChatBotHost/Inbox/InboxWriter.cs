using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>What the intakes and the timer dispatcher store events through: the store, then a wake-up of local workers.</summary>
internal sealed class InboxWriter(IInboxStore store, InboxSignal signal)
{
    /// <summary>Stores the event durably; when this returns, it may be acknowledged to Bitrix24.</summary>
    public async Task EnqueueAsync(InboxItem item, CancellationToken cancellationToken)
    {
        await store.EnqueueAsync(item, cancellationToken);
        signal.Pulse();
    }
}
