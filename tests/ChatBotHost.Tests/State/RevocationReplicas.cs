using ChatBotHost.State.Redis;

namespace ChatBotHost.Tests.State;

/// <summary>Several replicas' portal revocations, one connection each, as separate processes would have.</summary>
internal sealed class RevocationReplicas : IAsyncDisposable
{
    private readonly List<RedisConnection> _connections;
    private readonly List<RedisPortalRevocations> _revocations;

    public RevocationReplicas(string configuration, RedisKeys keys, int count)
    {
        _connections = [.. Enumerable.Range(0, count).Select(_ => new RedisConnection(configuration))];
        _revocations = [.. _connections.Select(c => new RedisPortalRevocations(c, keys))];
    }

    public int Count => _revocations.Count;

    public RedisPortalRevocations this[int index] => _revocations[index];

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
