using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Revocations over Redis pub/sub: one channel carries them to every replica, a second carries each replica's
/// confirmation back. PUBLISH answers how many subscribers received the message, which is how many confirmations
/// the broadcaster waits for (on a cluster too: both channels are routed to the node owning their hash slot). A replica whose subscription is down is not counted and misses the message; the
/// per-request token check is what stops that one.
/// </summary>
public sealed partial class RedisPortalRevocations : IPortalRevocations
{
    private readonly RedisConnection _connection;
    private readonly RedisChannel _revocations;
    private readonly RedisChannel _confirmations;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Confirmations> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Task? _listening;

    /// <summary>Creates the channel pair (names from <paramref name="keys"/>).</summary>
    public RedisPortalRevocations(RedisConnection connection, RedisKeys keys, ILogger<RedisPortalRevocations>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        // On a cluster PUBLISH reaches every node's subscribers but counts only those of the node it was sent to, and
        // the client spreads plain channels over the nodes: routed by their hash tag ({oauth}), every replica's
        // SUBSCRIBE and every PUBLISH go to the same node, so the count is every replica listening.
        _revocations = RedisChannel.Literal(keys.RevocationChannel).WithKeyRouting();
        _confirmations = RedisChannel.Literal(keys.RevocationConfirmationChannel).WithKeyRouting();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(Func<PortalRevocation, Task> onRevoked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRevoked);
        var subscriber = await SubscriberAsync(cancellationToken);
        await subscriber.SubscribeAsync(_revocations, (channel, message) => _ = HandleAsync(subscriber, onRevoked, message)).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RevocationResult> BroadcastAsync(PortalRevocation revocation, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        var subscriber = await SubscriberAsync(cancellationToken);
        var nonce = Guid.NewGuid().ToString("N");
        var pending = _pending[nonce] = new Confirmations();
        try
        {
            var message = JsonSerializer.Serialize(new Message(nonce, revocation.MemberId, revocation.InstalledAt.ToUnixTimeMilliseconds()));
            var heard = (int)await subscriber.PublishAsync(_revocations, message).WaitAsync(cancellationToken);
            var confirmed = await pending.WaitForAsync(heard, wait, cancellationToken);
            return new RevocationResult(heard, confirmed);
        }
        finally
        {
            _pending.TryRemove(nonce, out _);
        }
    }

    // Every replica listens for confirmations from its first use on: any of them may be the one that broadcasts.
    private async Task<ISubscriber> SubscriberAsync(CancellationToken cancellationToken)
    {
        var subscriber = await _connection.GetSubscriberAsync(cancellationToken);
        Task listening;
        lock (_gate)
        {
            listening = _listening ??= subscriber.SubscribeAsync(_confirmations, (channel, nonce) =>
            {
                if (_pending.TryGetValue(nonce.ToString(), out var pending))
                {
                    pending.Add();
                }
            });
        }

        try
        {
            await listening.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!listening.IsCompletedSuccessfully && listening.IsCompleted)
        {
            lock (_gate)
            {
                if (_listening == listening)
                {
                    _listening = null; // failed: the next use subscribes again
                }
            }

            throw;
        }

        return subscriber;
    }

    // Off the subscriber's message loop: the handler waits for calls under way to finish.
    private async Task HandleAsync(ISubscriber subscriber, Func<PortalRevocation, Task> onRevoked, RedisValue value)
    {
        await Task.Yield();
        try
        {
            var message = JsonSerializer.Deserialize<Message>(value.ToString())
                ?? throw new JsonException("An empty revocation message.");
            await onRevoked(new PortalRevocation(message.M, DateTimeOffset.FromUnixTimeMilliseconds(message.I)));
            await subscriber.PublishAsync(_confirmations, message.N);
        }
#pragma warning disable CA1031 // a message this replica could not act on must not end the subscription; unconfirmed, the broadcaster reports it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlingFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A portal revocation could not be acted on or confirmed")]
    private static partial void LogHandlingFailed(ILogger logger, Exception exception);

    // n: the broadcast's nonce, m: member_id, i: the ended installation's InstalledAt (unix ms).
    private sealed record Message(string N, string M, long I);

    private sealed class Confirmations
    {
        private readonly Lock _gate = new();
        private int _count;
        private int _expected = int.MaxValue;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add()
        {
            lock (_gate)
            {
                _count++;
                if (_count >= _expected)
                {
                    _all.TrySetResult();
                }
            }
        }

        public async Task<int> WaitForAsync(int expected, TimeSpan wait, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _expected = expected;
                if (_count >= expected)
                {
                    return _count;
                }
            }

            try
            {
                await _all.Task.WaitAsync(wait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Fewer confirmed than heard: the count says so.
            }

            lock (_gate)
            {
                return _count;
            }
        }
    }
}
