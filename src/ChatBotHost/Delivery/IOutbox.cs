using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// Where a turn's calls to the portal go: queued per portal, sent in batches where several are waiting, each dialog's
/// calls in order, retried while the failure is transient, and never sent twice for the same idempotency key.
/// </summary>
internal interface IOutbox
{
    /// <summary>
    /// Sends <paramref name="call"/> as <paramref name="bot"/> and completes with its result. With an
    /// <paramref name="idempotencyKey"/> whose result is already recorded, returns that result without sending.
    /// Throws the portal's <see cref="BitrixApiException"/> when the call failed for good (it is then dead-lettered).
    /// Cancelling stops the wait, not the call: a queued call is still sent.
    /// </summary>
    Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> call, string? idempotencyKey, CancellationToken cancellationToken);
}
