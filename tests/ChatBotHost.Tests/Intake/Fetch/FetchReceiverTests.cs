using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Intake.Fetch;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBotHost.Tests.Intake.Fetch;

/// <summary>The fetch receiver polls through the outbox and confirms an offset only after the page is stored.</summary>
public sealed class FetchReceiverTests : IAsyncDisposable
{
    private readonly CountingFakeTimeProvider _clock = new();
    private readonly ScriptedPolls _outbox = new();
    private readonly InMemoryOffsetStore _offsets = new();
    private readonly InMemoryInboxStore _inbox = new();
    private readonly HostedBot _bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) => Task.CompletedTask));
    private readonly ChatBotHostOptions _options = new();
    private IInboxStore? _store;
    private IInboxReplication? _replication;
    private PipelineHarness? _harness;

    [Fact]
    public async Task RunAsync_FirstPoll_GoesAtOnceAndTheNextIsQueuedRightAfterThePageWithTheIdleDelayAsItsLatest()
    {
        var receiver = Receiver();
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(_bot, stop.Token);

        var first = await _outbox.NextAsync();
        Assert.Equal(_clock.GetUtcNow(), first.GoAloneAt);
        Assert.Null(first.Request.Offset);
        first.Answer.SetResult(Page(hasMore: false, 1001, 1002));

        var second = await _outbox.NextAsync();
        Assert.Equal(_clock.GetUtcNow() + _options.Fetch.IdleDelay, second.GoAloneAt);
        Assert.Equal(1003, second.Request.Offset);
        Assert.Equal(2, await _inbox.DepthAsync(_bot.Portal.Key, CancellationToken.None));
        second.Answer.SetResult(Page(hasMore: true, 1003));

        var third = await _outbox.NextAsync();
        Assert.Equal(_clock.GetUtcNow() + _options.Fetch.BusyDelay, third.GoAloneAt);
        Assert.Equal(1004, third.Request.Offset);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task PollOnceAsync_StoringThePageFails_LeavesTheOffsetSoTheNextPollReadsItAgain()
    {
        var failing = new Mock<IInboxStore>();
        failing.Setup(s => s.EnqueueAsync(It.IsAny<IReadOnlyList<InboxItem>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the store is down"));
        _store = failing.Object;
        await _offsets.AdvanceAsync(_bot.Portal.Key, _bot.Code, 1001, CancellationToken.None);
        var receiver = Receiver();

        var poll = receiver.PollOnceAsync(_bot, _clock.GetUtcNow(), CancellationToken.None);
        (await _outbox.NextAsync()).Answer.SetResult(Page(hasMore: false, 1001, 1002));

        await Assert.ThrowsAsync<InvalidOperationException>(() => poll);
        Assert.Equal(1001, await _offsets.GetAsync(_bot.Portal.Key, _bot.Code, CancellationToken.None));
    }

    [Fact]
    public async Task PollOnceAsync_TooFewReplicasConfirmThePage_LeavesTheOffset_AfterOneWaitForTheWholePage()
    {
        var replication = new Mock<IInboxReplication>();
        replication.Setup(r => r.ConfirmAsync(_bot.Portal.Key, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ReplicasNotConfirmedException("0 of 1"));
        _replication = replication.Object;
        await _offsets.AdvanceAsync(_bot.Portal.Key, _bot.Code, 1001, CancellationToken.None);
        var receiver = Receiver();

        var poll = receiver.PollOnceAsync(_bot, _clock.GetUtcNow(), CancellationToken.None);
        (await _outbox.NextAsync()).Answer.SetResult(Page(hasMore: false, 1001, 1002, 1003));

        await Assert.ThrowsAsync<ReplicasNotConfirmedException>(() => poll);
        // Stored on the primary (the next poll stores the page again, and the dialog's duplicate check drops it), but
        // not confirmed to the portal.
        Assert.Equal(3, await _inbox.DepthAsync(_bot.Portal.Key, CancellationToken.None));
        Assert.Equal(1001, await _offsets.GetAsync(_bot.Portal.Key, _bot.Code, CancellationToken.None));
        replication.Verify(r => r.ConfirmAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_PollFails_BacksOffThenPollsAtOnceWithTheSameOffset()
    {
        _options.Fetch.MaxBackoff = TimeSpan.FromSeconds(1);
        await _offsets.AdvanceAsync(_bot.Portal.Key, _bot.Code, 77, CancellationToken.None);
        var receiver = Receiver();
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(_bot, stop.Token);

        (await _outbox.NextAsync()).Answer.SetException(new BitrixApiException(BitrixErrors.InternalServerError, "down", HttpStatusCode.InternalServerError));
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the receiver backs off");
        _clock.Advance(TimeSpan.FromSeconds(1));

        // At once: due no later than the clock (the library moves the clock to the end of the Advance, then fires).
        var retry = await _outbox.NextAsync();
        Assert.True(retry.GoAloneAt <= _clock.GetUtcNow());
        Assert.Equal(77, retry.Request.Offset);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    private FetchReceiver Receiver()
    {
        _harness = new PipelineHarness(services =>
        {
            services.AddSingleton(Options.Create(_options));
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<IInboxStore>(_store ?? _inbox);
            if (_replication is not null)
            {
                services.AddSingleton(_replication);
            }

            services.AddSingleton<IOffsetStore>(_offsets);
            services.AddSingleton<ISendQueue>(_outbox);
            services.AddMetrics();
            services.AddSingleton<HostMetrics>();
            services.AddInboxWriter();
            services.AddSingleton<InboxDeadLetters>();
            services.AddSingleton<FetchReceiver>();
        });
        return _harness.Services.GetRequiredService<FetchReceiver>();
    }

    private EventGetResult Page(bool hasMore, params long[] eventIds) => new()
    {
        Events = [.. eventIds.Select(Event)],
        NextOffset = eventIds.Length == 0 ? 0 : eventIds[^1] + 1,
        HasMore = hasMore,
    };

    private JsonElement Event(long eventId) => JsonSerializer.SerializeToElement(new
    {
        eventId,
        type = "ONIMBOTV2MESSAGEADD",
        date = "2026-01-01T00:00:00+00:00",
        data = new
        {
            bot = new { id = PipelineHarness.BotId, code = _bot.Code },
            message = new { id = eventId, chatId = 1, authorId = 5, text = "m" + eventId.ToString(CultureInfo.InvariantCulture) },
            chat = new { id = 1, dialogId = "chat1" },
            user = new { id = 5 },
            language = "en",
        },
    });
}
