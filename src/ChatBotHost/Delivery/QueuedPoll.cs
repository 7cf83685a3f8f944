using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// A fetch poller's Event.get waiting in the outbox: it rides in the bot's next request of calls, or goes on its own
/// at <see cref="GoAloneAt"/>. It has a lane of its own, so it neither waits for a dialog nor holds one up, and it is
/// tried once: the poller decides what a failure means. Its state is changed only under the portal outbox's lock.
/// </summary>
internal sealed class QueuedPoll(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt)
    : QueuedCall<EventGetResult>(bot, request, idempotencyKey: null, lane: $"{bot.Code}\n\u0001poll")
{
    /// <summary>When the poll is sent as a request of its own if no request of the bot's calls took it along before.</summary>
    public DateTimeOffset GoAloneAt { get; set; } = goAloneAt;

    /// <summary>
    /// Waits for the answer. Cancelling stops the wait at once and withdraws the poll from <paramref name="queue"/>
    /// (under <paramref name="gate"/>) unless it is on its way; then its answer is dropped, which loses nothing: only
    /// the next poll's offset confirms the events it read, so they are read again.
    /// </summary>
    public async Task<EventGetResult> WaitAsync(Lock gate, QueuedCalls queue, CancellationToken cancellationToken)
    {
        try
        {
            return await Completion.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Withdrawn before the caller hears of it, so a caller that goes on to poll again never has two polls queued.
            bool withdrawn;
            lock (gate)
            {
                withdrawn = queue.TryWithdraw(this);
            }

            if (withdrawn)
            {
                Fail(new OperationCanceledException(cancellationToken));
            }

            throw;
        }
    }
}
