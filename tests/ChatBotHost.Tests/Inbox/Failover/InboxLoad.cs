using System.Collections.Concurrent;
using System.Globalization;
using ChatBotHost.Inbox;
using ChatBotHost.State;

namespace ChatBotHost.Tests.Inbox.Failover;

/// <summary>
/// A steady stream of webhook-sized events into one portal's inbox through the <see cref="InboxWriter"/> the webhook
/// intake answers from: an event counts as acknowledged when its enqueue succeeded (the intake's 200). Each writer sends
/// its next event as soon as the previous one was answered, so the lane's group commit sees several at a time.
/// </summary>
internal sealed class InboxLoad : IAsyncDisposable
{
    /// <summary>Dialogs the events are spread over (each a list under the portal's hash tag).</summary>
    public const int Dialogs = 16;

    /// <summary>The bot every event is for.</summary>
    public const string BotCode = "echo";

    // After a refusal (Redis down, or too few replicas) a writer waits this long before the next event, so writers
    // failing fast during the failover do not take the two cores the cluster needs to elect a new primary.
    private static readonly TimeSpan RefusalPause = TimeSpan.FromMilliseconds(20);

    private readonly InboxWriter _writer;
    private readonly string _padding;
    private readonly ConcurrentDictionary<long, bool> _acknowledged = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Reached)> _waiters = [];
    private readonly Task[] _writers;
    private long _next;
    private long _refused;

    public InboxLoad(InboxWriter writer, string portal, int writers, int payloadBytes)
    {
        _writer = writer;
        Portal = portal;
        _padding = new string('x', payloadBytes);
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync))];
    }

    public string Portal { get; }

    public long Acknowledged => _acknowledged.Count;

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The sequence numbers of the events whose enqueue succeeded.</summary>
    public IReadOnlyCollection<long> AcknowledgedEvents => [.. _acknowledged.Keys];

    /// <summary>Completes when <paramref name="condition"/> holds after some event was answered; fails after <paramref name="timeout"/>.</summary>
    public Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((condition, reached));
        }

        Check();
        return reached.Task.WaitAsync(timeout);
    }

    /// <summary>Stops the writers and waits for the events under way to be answered.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    /// <summary>The sequence number an entry's payload carries ("e{seq}:…").</summary>
    public static long SequenceOf(string payload) =>
        long.Parse(payload.AsSpan(1, payload.IndexOf(':', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture);

    private async Task WriteAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var sequence = Interlocked.Increment(ref _next);
            var item = new InboxItem
            {
                Portal = Portal,
                BotCode = BotCode,
                DialogId = "d" + (sequence % Dialogs).ToString(CultureInfo.InvariantCulture),
                Source = InboxItem.Sources.Webhook,
                Payload = $"e{sequence.ToString(CultureInfo.InvariantCulture)}:{_padding}",
                ContentType = "application/x-www-form-urlencoded",
                ReceivedAt = TimeProvider.System.GetUtcNow(),
            };
            try
            {
                await _writer.EnqueueAsync(item, CancellationToken.None);
                _acknowledged[sequence] = true;
                Check();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _refused);
                Check();
                await Task.Delay(RefusalPause, CancellationToken.None);
            }
        }
    }

    private void Check()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Condition()).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
