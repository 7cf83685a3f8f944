using System.Globalization;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Redis WAIT after an inbox write (setting ChatBotHost:Redis:WaitForReplicas). WAIT counts the replicas that have
/// every write made over the connection it is sent on, so it goes to the primary owning the inbox's hash slot, over the
/// multiplexer's one connection to that node, which carried the enqueue script just before.
/// </summary>
public sealed class RedisInboxReplication : IInboxReplication
{
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly int _replicas;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the check; <paramref name="replicas"/> 0 turns it off.</summary>
    public RedisInboxReplication(RedisConnection connection, RedisKeys keys, int replicas, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        // WAIT with a timeout of 0 blocks forever.
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromMilliseconds(1));
        _connection = connection;
        _keys = keys;
        _replicas = replicas;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public async Task ConfirmAsync(string portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        if (_replicas == 0)
        {
            return;
        }

        var confirmed = await _connection.WaitForReplicasAsync(_keys.InboxReady(portal), _replicas, _timeout, cancellationToken);
        if (confirmed < _replicas)
        {
            throw new ReplicasNotConfirmedException(string.Create(
                CultureInfo.InvariantCulture,
                $"{confirmed} of the {_replicas} replicas required (ChatBotHost:Redis:WaitForReplicas) confirmed the events within {_timeout.TotalMilliseconds} ms; they are stored on the primary only."));
        }
    }
}
