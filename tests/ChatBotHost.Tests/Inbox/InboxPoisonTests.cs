using System.Collections.Concurrent;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Inbox;

/// <summary>Events that fail in any way, or take their replica down, end in the dead letters and free their dialog.</summary>
public sealed class InboxPoisonTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Workers_DecoderThrowsAnUnforeseenException_RetriedThenDeadLetteredAndTheDialogMovesOn()
    {
        var decoder = new FaultyDecoder("poison", () => new InvalidCastException("the decoder tripped"));
        var handled = new ConcurrentQueue<string>();
        await using var inbox = new InboxHarness(
            b => b.OnMessage((msg, _, _) =>
            {
                handled.Enqueue(msg.Message.Text);
                return Task.CompletedTask;
            }),
            o => o.MaxAttempts = 3,
            s => s.AddSingleton<IQueuedEventDecoder>(decoder));
        await inbox.StartAsync();

        await inbox.SayAsync("poison");
        await inbox.SayAsync("after");
        await inbox.AdvanceUntilAsync(() => !handled.IsEmpty, "the event after the poison one");

        Assert.Equal(3, decoder.Failures);
        Assert.Equal(["after"], handled);
        var letter = Assert.Single(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
        Assert.Contains("InvalidCastException: the decoder tripped", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("\"attempts\":3", letter.Payload, StringComparison.Ordinal);
        Assert.Equal(0, await inbox.Store.DepthAsync(inbox.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Workers_ExceptionEscapesThePipeline_CountsAsAnAttemptAndIsRetriedBeforeTheLeaseEnds()
    {
        var runs = 0;
        await using var inbox = new InboxHarness(
            b => b.On<MessageAdded, DisposalFails>(),
            services: s => s.AddScoped(_ => new DisposalFails(() => Interlocked.Increment(ref runs))));
        await inbox.StartAsync();
        var start = inbox.Clock.GetUtcNow();

        await inbox.SayAsync("hi");
        await inbox.AdvanceUntilAsync(() => inbox.Store.DepthAsync(inbox.Bot.Portal.Key, CancellationToken.None).Result == 0, "the event to be settled");

        // The fault came after the handler had run: the retry finds the turn done (duplicate check) and acknowledges it,
        // after the retry's backoff, not after the claim's lease ran out.
        Assert.Equal(1, runs);
        Assert.True(inbox.Clock.GetUtcNow() - start < Lease, $"settled only after {inbox.Clock.GetUtcNow() - start}");
        Assert.Empty(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Workers_ClaimsOfAnEventRanOutMaxAttemptsTimes_DeadLetteredWithoutRunningIt()
    {
        var handled = new ConcurrentQueue<string>();
        await using var inbox = RecordingHarness(handled, maxAttempts: 3);
        await inbox.SayAsync("crasher");
        await inbox.SayAsync("after");

        // Three replicas in turn claim the event and die on it: no ack, no deferral, no release.
        await CrashOnHeadAsync(inbox, times: 3);
        await inbox.StartAsync();
        await inbox.AdvanceUntilAsync(() => !handled.IsEmpty, "the event after the crashing one");

        Assert.Equal(["after"], handled);
        var letter = Assert.Single(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
        Assert.Contains("never finished in 3 attempts", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("crashed", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("crasher", letter.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_ClaimsRanOutFewerThanMaxAttemptsTimes_TheEventStillRuns()
    {
        var handled = new ConcurrentQueue<string>();
        await using var inbox = RecordingHarness(handled, maxAttempts: 3);
        await inbox.SayAsync("survivor");

        await CrashOnHeadAsync(inbox, times: 2);
        await inbox.StartAsync();
        await inbox.AdvanceUntilAsync(() => !handled.IsEmpty, "the event to run");

        Assert.Equal(["survivor"], handled);
        Assert.Empty(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Workers_AcknowledgementNeverAnswers_TheSlotIsFreedAndTheEventComesBackOnce()
    {
        var store = new HangingInboxStore();
        var runs = 0;
        await using var inbox = new InboxHarness(
            b => b.OnMessage((_, _, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.CompletedTask;
            }),
            o => o.Workers = 1,
            s => s.AddSingleton<IInboxStore>(store));
        await inbox.StartAsync();
        store.HangAcks = true;

        await inbox.SayAsync("hi");
        await State.Eventually.TrueAsync(() => store.HungAcks == 1 && inbox.Workers.Running == 1, "the turn to hang in its ack");
        var hungAt = inbox.Clock.GetUtcNow();
        await inbox.AdvanceUntilAsync(() => inbox.Workers.Running == 0, "the hung ack to be given up");
        Assert.True(inbox.Clock.GetUtcNow() - hungAt >= BoundedStoreCall.Timeout);
        Assert.Equal(1, runs);
        store.HangAcks = false;
        await inbox.AdvanceUntilAsync(() => store.DepthAsync(inbox.Bot.Portal.Key, CancellationToken.None).Result == 0, "the event to come back and be settled");

        // It came back after the lease and was found done (duplicate check): the handler ran once.
        Assert.Equal(1, runs);
        Assert.Empty(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Workers_AClaimNeverAnswers_TheClaimingGoesOnAfterTheTimeout()
    {
        var store = new HangingInboxStore { ClaimsToHang = 1 };
        var handled = new ConcurrentQueue<string>();
        await using var inbox = new InboxHarness(
            b => b.OnMessage((msg, _, _) =>
            {
                handled.Enqueue(msg.Message.Text);
                return Task.CompletedTask;
            }),
            services: s => s.AddSingleton<IInboxStore>(store));
        await inbox.SayAsync("waiting");

        await inbox.StartAsync();
        await State.Eventually.TrueAsync(() => store.HungClaims == 1, "the first claim to hang");
        var hungAt = inbox.Clock.GetUtcNow();
        await inbox.AdvanceUntilAsync(() => !handled.IsEmpty, "the event to be claimed after the hung claim");

        Assert.Equal(["waiting"], handled);
        Assert.True(inbox.Clock.GetUtcNow() - hungAt >= BoundedStoreCall.Timeout);
    }

    // A host whose bot records the text of every message it handles.
    private static InboxHarness RecordingHarness(ConcurrentQueue<string> handled, int maxAttempts) => new(
        b => b.OnMessage((msg, _, _) =>
        {
            handled.Enqueue(msg.Message.Text);
            return Task.CompletedTask;
        }),
        o => o.MaxAttempts = maxAttempts);

    private static async Task CrashOnHeadAsync(InboxHarness inbox, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var claim = Assert.Single(await inbox.Store.ClaimAsync(inbox.Bot.Portal.Key, inbox.Clock.GetUtcNow(), Lease, 1, CancellationToken.None));
            Assert.Equal(i, claim.RanOut);
            inbox.Clock.Advance(Lease);
        }
    }

    /// <summary>Decodes like the host, but throws an exception that is not a decoding error for one message text.</summary>
    private sealed class FaultyDecoder(string poison, Func<Exception> fault) : IQueuedEventDecoder
    {
        private int _failures;

        public int Failures => _failures;

        public BotEvent Decode(InboxItem item, HostedBot bot)
        {
            var evt = InboxEventReader.Read(item, bot);
            if (evt is MessageAdded { Message.Text: var text } && text == poison)
            {
                Interlocked.Increment(ref _failures);
                throw fault();
            }

            return evt;
        }
    }

    /// <summary>A handler of the turn's scope that fails when the scope is disposed, outside the pipeline's error stage.</summary>
    private sealed class DisposalFails(Action onRun) : IEventHandler<MessageAdded>, IAsyncDisposable
    {
        public Task HandleAsync(MessageAdded evt, ITurnContext turn, CancellationToken cancellationToken)
        {
            onRun();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => throw new InvalidOperationException("disposing the turn's handler failed");
    }
}
