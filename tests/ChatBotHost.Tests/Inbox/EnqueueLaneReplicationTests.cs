using ChatBotHost.Inbox;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.Inbox;

/// <summary>With replicas required, a caller hears "stored" only after one replica check per store call.</summary>
public sealed class EnqueueLaneReplicationTests
{
    private const string Portal = "replicas.bitrix24.test";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly InMemoryInboxStore _store = new();
    private readonly GatedReplication _replication = new();

    [Fact]
    public async Task AddAsync_ArrivalsDuringAWait_AreConfirmedTogetherByTheNextOne()
    {
        var lane = new EnqueueLane(_store, new InboxSignal(), new FakeTimeProvider(), _replication);
        _replication.Hold();
        var first = lane.AddAsync([Item("m1")], CancellationToken.None);
        await _replication.Started.WaitAsync(Bound);

        Task[] later = [lane.AddAsync([Item("m2")], CancellationToken.None), lane.AddAsync([Item("m3"), Item("m4"), Item("m5")], CancellationToken.None)];
        Assert.False(first.IsCompleted);
        _replication.Release();
        await Task.WhenAll(later.Append(first)).WaitAsync(Bound);

        Assert.Equal(2, _replication.Calls);
        Assert.Equal(5, await _store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_TooFewReplicas_FailsEveryCallerOfTheCall_ThoughTheItemsAreStored()
    {
        var lane = new EnqueueLane(_store, new InboxSignal(), new FakeTimeProvider(), _replication);
        _replication.Refuse = true;

        await Assert.ThrowsAsync<ReplicasNotConfirmedException>(() => lane.AddAsync([Item("m1"), Item("m2")], CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(2, await _store.DepthAsync(Portal, CancellationToken.None));
        _replication.Refuse = false;
        await lane.AddAsync([Item("m3")], CancellationToken.None).WaitAsync(Bound);
    }

    private static InboxItem Item(string payload) => new()
    {
        Portal = Portal,
        BotCode = "echo",
        DialogId = "chat1",
        Source = InboxItem.Sources.Webhook,
        Payload = payload,
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };

    private sealed class GatedReplication : IInboxReplication
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _gate = Open();
        private int _calls;

        public Task Started => _started.Task;

        public int Calls => Volatile.Read(ref _calls);

        public bool Refuse { get; set; }

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task ConfirmAsync(string portal, CancellationToken cancellationToken)
        {
            Assert.Equal(Portal, portal);
            Interlocked.Increment(ref _calls);
            _started.TrySetResult();
            await _gate.Task;
            if (Refuse)
            {
                throw new ReplicasNotConfirmedException("0 of the 1 replicas required");
            }
        }

        private static TaskCompletionSource Open()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
