using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>What the intakes and the timer dispatcher store events through: the store, then a wake-up of local workers when there is new work for them.</summary>
internal sealed class InboxWriter(IInboxStore store, InboxSignal signal)
{
    /// <summary>Stores the event durably; when this returns, it may be acknowledged to Bitrix24.</summary>
    public async Task EnqueueAsync(InboxItem item, CancellationToken cancellationToken)
    {
        // An event behind others in its dialog is found when the one before it is acknowledged: waking the workers
        // for it would only send them to Redis for nothing, once per event under load.
        if (await store.EnqueueAsync(item, cancellationToken))
        {
            signal.Pulse();
        }
    }
}
