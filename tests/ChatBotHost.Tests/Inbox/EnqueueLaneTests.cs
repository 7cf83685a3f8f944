using ChatBotHost.Inbox;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.Inbox;

public sealed class EnqueueLaneTests : IDisposable
{
    private const string Portal = "lane.bitrix24.test";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly GatedStore _store = new();
    private readonly InboxSignal _signal = new();

    [Fact]
    public async Task AddAsync_WhileACallIsUnderWay_TheArrivalsGoTogetherInTheNextCallInTheirOrder()
    {
        var lane = new EnqueueLane(_store, _signal, new FakeTimeProvider());
        _store.Hold();
        var first = lane.AddAsync([Item("m1")], CancellationToken.None);
        await _store.CallStarted.WaitAsync(TimeSpan.FromSeconds(10));

        var later = new[] { lane.AddAsync([Item("m2")], CancellationToken.None), lane.AddAsync([Item("m3", "chat2"), Item("m4", "chat2")], CancellationToken.None) };
        Assert.False(later[0].IsCompleted);
        _store.Release();
        await Task.WhenAll(later.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([["m1"], ["m2", "m3", "m4"]], _store.Calls);
        var claims = await _store.Inner.ClaimAsync(Portal, T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(["m1", "m3"], claims.Select(c => c.Item.Payload));
    }

    [Fact]
    public async Task AddAsync_ACallFails_OnlyItsCallersHearOfIt_AndTheLaneGoesOn()
    {
        var lane = new EnqueueLane(_store, _signal, new FakeTimeProvider());
        _store.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => lane.AddAsync([Item("lost")], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        await lane.AddAsync([Item("kept")], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([["kept"]], _store.Calls);
    }

    [Fact]
    public async Task AddAsync_OnlyAnEventThatMadeItsDialogClaimable_WakesTheWorkers()
    {
        var lane = new EnqueueLane(_store, _signal, new FakeTimeProvider());
        var time = new FakeTimeProvider();

        await lane.AddAsync([Item("m1")], CancellationToken.None);
        Assert.True(await _signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None));
        await lane.AddAsync([Item("m2")], CancellationToken.None);

        Assert.False(await _signal.WaitAsync(TimeSpan.Zero, time, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_Call_CarriesTheDeadlineOfItsOldestArrival()
    {
        var clock = new FakeTimeProvider();
        var lane = new EnqueueLane(_store, _signal, clock);
        var arrived = clock.GetUtcNow();

        await lane.AddAsync([Item("m1")], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([arrived + EnqueueLane.StoreTimeout], _store.Deadlines);
    }

    [Fact]
    public async Task AddAsync_StoreNeverAnswers_FailsAfterTheDeadlineAndTheGraceWithATimeout()
    {
        var clock = new FakeTimeProvider();
        var lane = new EnqueueLane(_store, _signal, clock);
        _store.Hold();
        var adding = lane.AddAsync([Item("m1")], CancellationToken.None);
        await _store.CallStarted.WaitAsync(TimeSpan.FromSeconds(10));

        clock.Advance(EnqueueLane.StoreTimeout + EnqueueLane.AnswerGrace - TimeSpan.FromMilliseconds(1));
        Assert.False(adding.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => adding.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<EnqueueTooLateException>(failure);
    }

    [Fact]
    public async Task AddAsync_DeadlinePassesWhileWaitingBehindAHungCall_IsNeverSentAndFailsAsTooLate()
    {
        var clock = new FakeTimeProvider();
        var lane = new EnqueueLane(_store, _signal, clock);
        _store.Hold();
        var first = lane.AddAsync([Item("m1")], CancellationToken.None);
        await _store.CallStarted.WaitAsync(TimeSpan.FromSeconds(10));
        var second = lane.AddAsync([Item("m2")], CancellationToken.None);

        clock.Advance(EnqueueLane.StoreTimeout + EnqueueLane.AnswerGrace);

        await Assert.ThrowsAsync<TimeoutException>(() => first.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<EnqueueTooLateException>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _store.Started);
    }

    public void Dispose() => _signal.Dispose();

    private static InboxItem Item(string payload, string dialogId = "chat1") => new()
    {
        Portal = Portal,
        BotCode = "echo",
        DialogId = dialogId,
        DeduplicationKey = "e:" + payload,
        Source = InboxItem.Sources.Webhook,
        Payload = payload,
        ReceivedAt = T0,
    };

    /// <summary>An in-memory inbox whose calls can be held open or failed, and which records what each call carried.</summary>
    private sealed class GatedStore : IInboxStore
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _gate = CompletedGate();

        public InMemoryInboxStore Inner { get; } = new();

        public List<string[]> Calls { get; } = [];

        public List<DateTimeOffset> Deadlines { get; } = [];

        public int Started { get; private set; }

        public bool FailNext { get; set; }

        public Task CallStarted => _started.Task;

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<IReadOnlyList<bool>> EnqueueAsync(IReadOnlyList<InboxItem> items, DateTimeOffset storeBy, CancellationToken cancellationToken)
        {
            Started++;
            Deadlines.Add(storeBy);
            _started.TrySetResult();
            await _gate.Task;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("Redis is down.");
            }

            Calls.Add([.. items.Select(i => i.Payload)]);
            return await Inner.EnqueueAsync(items, storeBy, cancellationToken);
        }

        public Task<IReadOnlyList<InboxClaim>> ClaimAsync(string portal, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
            Inner.ClaimAsync(portal, now, lease, max, cancellationToken);

        public Task<bool> AckAsync(InboxClaim claim, CancellationToken cancellationToken) => Inner.AckAsync(claim, cancellationToken);

        public Task<bool> RenewAsync(InboxClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            Inner.RenewAsync(claim, now, lease, cancellationToken);

        public Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt, CancellationToken cancellationToken) =>
            Inner.DeferAsync(claim, head, availableAt, cancellationToken);

        public Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken) => Inner.ReleaseAsync(claim, cancellationToken);

        public Task<long> DepthAsync(string portal, CancellationToken cancellationToken) => Inner.DepthAsync(portal, cancellationToken);

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
