using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// Where a turn's calls to the portal go: queued per portal, sent in batches where several are waiting, each dialog's
/// calls in order, retried while the failure is transient, and never sent twice for the same idempotency key.
/// </summary>
internal interface ISendQueue
{
    /// <summary>
    /// Sends <paramref name="call"/> as <paramref name="bot"/> and completes with its result. With an
    /// <paramref name="idempotencyKey"/> whose result is already recorded, returns that result without sending.
    /// Throws the portal's <see cref="BitrixApiException"/> when the call failed for good (it is then dead-lettered).
    /// Cancelling stops the wait, not the call: a queued call is still sent.
    /// </summary>
    Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> call, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the fetch poller's Event.get in the bot's next request of calls to the portal, in one slot of that batch,
    /// or as a request of its own at <paramref name="goAloneAt"/> if none goes before. Bucket-wise a riding poll is
    /// free. It is tried once (a failure reaches the caller, nothing is retried or dead-lettered), is not counted
    /// among the pending calls, and neither waits for nor holds up any dialog's calls. Cancelling withdraws it while
    /// it waits; once it is on its way, cancelling only stops the wait.
    /// </summary>
    Task<EventGetResult> PollAsync(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt, CancellationToken cancellationToken);
}
