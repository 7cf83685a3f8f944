using System.Collections.Concurrent;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Delivery;

/// <summary>
/// The host's outbox: answers a keyed call from the sent ledger when it was sent before, otherwise queues it with
/// its portal's <see cref="PortalSendQueue"/>, whose loop is started by the first call to that portal.
/// </summary>
internal sealed class SendQueue : ISendQueue, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PortalSendQueue>> _portals = new(StringComparer.Ordinal);
    private readonly SendRecords _records;
    private readonly Func<string, PortalSendQueue> _createPortal;

    public SendQueue(RequestSender sender, SendRecords records, IOptions<ChatBotHostOptions> options, TimeProvider time, PortalRateLimiter? limiter)
    {
        var settings = options.Value.SendQueue;
        var retries = new SendRetries(settings, time);
        _records = records;
        _createPortal = portal => new PortalSendQueue(
            sender, records, retries, settings, time, ct => limiter?.WaitAsync(portal, ct) ?? Task.CompletedTask);
    }

    /// <summary>Calls queued, in flight or waiting for a retry, over all portals.</summary>
    public int Pending => _portals.Values.Where(p => p.IsValueCreated).Sum(p => p.Value.Pending);

    /// <summary>The same per portal, for every portal this replica has sent to.</summary>
    public IEnumerable<KeyValuePair<string, int>> PendingByPortal =>
        _portals.Where(p => p.Value.IsValueCreated).Select(p => KeyValuePair.Create(p.Key, p.Value.Value.Pending));

    public async Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> call, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        if (idempotencyKey is not null && await _records.FindAsync<TResult>(bot, idempotencyKey, cancellationToken) is (true, var recorded))
        {
            return recorded;
        }

        return await PortalOf(bot).Enqueue(new QueuedCall<TResult>(bot, call, idempotencyKey)).WaitAsync(cancellationToken);
    }

    public Task<EventGetResult> PollAsync(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return PortalOf(bot).PollAsync(new QueuedPoll(bot, request, goAloneAt), cancellationToken);
    }

    /// <summary>
    /// The portal has events for <paramref name="bot"/>: its waiting poll goes now instead of at its time (or its next
    /// poll, when none waits). Only local mode's in-process emulator can say so; Bitrix24 has no such signal.
    /// </summary>
    public void HurryPoll(HostedBot bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        // A portal with no outbox yet has had no poll: the first poll goes at once anyway.
        if (_portals.TryGetValue(bot.Portal.Key, out var portal) && portal.IsValueCreated)
        {
            portal.Value.HurryPoll(bot);
        }
    }

    /// <summary>Waits until every queued call was sent or given up; returns how many were left when cancelled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var left = await Task.WhenAll(_portals.Values.Select(p => p.Value.DrainAsync(cancellationToken)));
        return left.Sum();
    }

    private PortalSendQueue PortalOf(HostedBot bot) =>
        _portals.GetOrAdd(bot.Portal.Key, key => new Lazy<PortalSendQueue>(() => _createPortal(key))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var portal in _portals.Values.Where(p => p.IsValueCreated))
        {
            await portal.Value.DisposeAsync();
        }
    }
}
