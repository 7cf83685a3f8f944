using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// Gauges of the queues: the outbox (in this process) and each portal's inbox (in the store, shared by all replicas).
/// The store answers asynchronously, so a scrape refreshes the inbox depths first and the gauge reports what it read;
/// an export no scrape came before (OTLP's periodic one) starts a read for the next export instead.
/// </summary>
internal sealed partial class QueueDepths
{
    /// <summary>A read younger than this is fresh enough: a scrape has just read the store for its own collection.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly IInboxStore _inbox;
    private readonly BotDirectory _bots;
    private readonly ILogger<QueueDepths> _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _inboxDepths = new(StringComparer.Ordinal);
    private long _readAt;
    private int _reading;

    public QueueDepths(HostMetrics metrics, SendQueue outbox, IInboxStore inbox, BotDirectory bots, ILogger<QueueDepths> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _inbox = inbox;
        _bots = bots;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        // Stale from the start, so that the first export with no scrape before it reads the store.
        _readAt = _time.GetTimestamp() - (long)(Fresh.TotalSeconds * _time.TimestampFrequency) - 1;
        metrics.Meter.CreateObservableGauge(
            "chatbothost.outbox.depth",
            () => outbox.PendingByPortal.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("portal", p.Key))),
            "{call}",
            "Calls in this replica's outbox for the portal: queued, in flight or waiting for a retry.");
        metrics.Meter.CreateObservableGauge("chatbothost.inbox.depth", ObserveInbox, "{event}", "Events stored in the portal's inbox and not yet handled (all replicas).");
    }

    /// <summary>Reads each portal's inbox depth from the store; a failure keeps the last value and is logged.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _readAt, _time.GetTimestamp());
        foreach (var portal in _bots.All.Select(b => b.Portal.Key).Distinct(StringComparer.Ordinal))
        {
            try
            {
                _inboxDepths[portal] = await _inbox.DepthAsync(portal, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogDepthFailed(_logger, ex, portal);
            }
        }
    }

    /// <summary>The depths last read; starts a read in the background when none is fresh (and none is running).</summary>
    private IEnumerable<Measurement<long>> ObserveInbox()
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _readAt)) >= Fresh && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = ReadInBackgroundAsync();
        }

        return _inboxDepths.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("portal", kv.Key)));
    }

    private async Task ReadInBackgroundAsync()
    {
        try
        {
            // Off the exporter's thread: the collection must not wait for the store.
            await Task.Yield();
            await RefreshAsync(CancellationToken.None);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the inbox depth of {Portal} for the metrics")]
    private static partial void LogDepthFailed(ILogger logger, Exception exception, string portal);
}
