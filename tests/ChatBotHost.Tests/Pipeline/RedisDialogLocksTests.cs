using ChatBotHost.Pipeline;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>Two host replicas, each with its own Redis connection and in-process locks, sharing one Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisDialogLocksTests(RedisFixture redis) : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly RedisKeys _keys = new($"l{Guid.NewGuid():N}");
    private readonly List<RedisConnection> _connections = [];

    [Fact]
    public async Task AcquireAsync_ManyTasksOnTwoReplicasForOneDialog_NeverHoldItAtOnce()
    {
        DialogLocks[] replicas = [Replica(), Replica()];
        var name = DialogLocks.NameOf("p.bitrix24.ru", "echo", "chat1");
        var inFlight = 0;
        var maxInFlight = 0;
        var turns = 0;

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            await using var held = await replicas[i % 2].AcquireAsync(name, heldAcrossReplicas: false, CancellationToken.None);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            // A Redis round trip inside the critical section gives an overlap every chance to show.
            await (await _connections[i % 2].GetDatabaseAsync(CancellationToken.None)).PingAsync();
            Interlocked.Increment(ref turns);
            Interlocked.Decrement(ref inFlight);
        })).ToArray();
        go.SetResult();
        await Task.WhenAll(workers).WaitAsync(Guard);

        Assert.Equal(40, turns);
        Assert.Equal(1, maxInFlight);
    }

    [Fact]
    public async Task AcquireAsync_DifferentDialogsOnTwoReplicas_HeldAtOnce()
    {
        var first = Replica();
        var second = Replica();
        await using var held = await first.AcquireAsync(DialogLocks.NameOf("p", "echo", "chat1"), heldAcrossReplicas: false, CancellationToken.None);

        await using var other = await second.AcquireAsync(DialogLocks.NameOf("p", "echo", "chat2"), heldAcrossReplicas: false, CancellationToken.None)
            .WaitAsync(Guard);

        Assert.False(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task AcquireAsync_SameDialogHeldByOtherReplica_WaitsUntilItIsReleased()
    {
        var name = DialogLocks.NameOf("p", "echo", "chat1");
        var first = await Replica().AcquireAsync(name, heldAcrossReplicas: false, CancellationToken.None);
        var second = Replica().AcquireAsync(name, heldAcrossReplicas: false, CancellationToken.None);

        // The waiter polls the lease; the holder keeps it, so whatever the timing the waiter is still waiting here.
        var database = await _connections[0].GetDatabaseAsync(CancellationToken.None);
        Assert.True(await database.KeyExistsAsync(_keys.Lease(name)));
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();

        await using var held = await second.WaitAsync(Guard);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    private DialogLocks Replica()
    {
        var connection = new RedisConnection(redis.Server.ConfigurationString);
        _connections.Add(connection);
        var leases = new LeaseLock(new RedisLeaseStore(connection, _keys), TimeProvider.System, NullLogger<LeaseLock>.Instance);
        return new DialogLocks(new InProcessLocks(), leases, DialogLockOptions.Default);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
