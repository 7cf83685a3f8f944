using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

/// <summary>A fetch poll rides in the bot's batches of replies, or goes alone when none goes before its time.</summary>
public sealed class SendQueuePollTests
{
    private const string EventGet = "imbot.v2.Event.get";

    [Fact]
    public async Task PollAsync_BatchOfRepliesGoesFirst_RidesInItsLastSlotAndSpendsNoRequestOfItsOwn()
    {
        await using var bed = Bed(o => o.MaxConcurrentRequests = 1);
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 41 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
            for (var i = 0; i < 3; i++)
            {
                sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message($"{i}", $"m{i}"), null, CancellationToken.None));
            }
        }

        var page = await poll.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, bed.Portal.Requests.Count);
        var batch = bed.Portal.Requests[1];
        Assert.True(batch.IsBatch);
        Assert.Equal(["imbot.v2.Chat.Message.send", "imbot.v2.Chat.Message.send", "imbot.v2.Chat.Message.send", EventGet], batch.Calls.Select(c => c.Method));
        Assert.Equal("41", batch.Calls[^1].Parameters["offset"]?.ToString());
        Assert.Equal(42, page.NextOffset);
    }

    [Fact]
    public async Task PollAsync_NoBatchBeforeGoAloneAt_GoesAloneThenAndNotBefore()
    {
        await using var bed = Bed();
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 7 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the outbox waits for the poll's time");

        bed.Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Empty(bed.Portal.Requests);
        bed.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var page = await poll.WaitAsync(TimeSpan.FromSeconds(30));
        var request = Assert.Single(bed.Portal.Requests);
        Assert.False(request.IsBatch);
        Assert.Equal(EventGet, request.Method);
        Assert.Equal(8, page.NextOffset);
    }

    [Fact]
    public async Task PollAsync_FullBatchQueued_TakesTheLastSlotAndTheDisplacedReplyGoesNextInOrder()
    {
        await using var bed = Bed(o => o.MaxConcurrentRequests = 1);
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("0", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
            for (var i = 1; i <= 60; i++)
            {
                sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message((i % 4).ToString(CultureInfo.InvariantCulture), $"m{i}"), null, CancellationToken.None));
            }
        }

        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 50, 11], bed.Portal.Requests.Select(r => r.Calls.Count));
        Assert.Equal(EventGet, bed.Portal.Requests[1].Calls[^1].Method);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"m{i}"), bed.Portal.Calls.Where(c => c.Method != EventGet).Skip(1).Select(c => c.Text));
    }

    [Fact]
    public async Task PollAsync_FailsInsideTheBatch_RepliesSucceedAndThePollIsNeitherRetriedNorDeadLettered()
    {
        await using var bed = Bed(o => o.MaxConcurrentRequests = 1);
        bed.Portal.Script = call => call.Method == EventGet ? PortalAnswer.Fail("AUTH_ERROR", HttpStatusCode.OK) : null;
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "one"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "two"), null, CancellationToken.None));
        }

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => poll.WaitAsync(TimeSpan.FromSeconds(30)));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("AUTH_ERROR", error.Error);
        Assert.Equal(2, bed.Portal.Requests.Count);
        Assert.Equal(0, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
        Assert.Equal(0, bed.SendQueue.Pending);
    }

    [Fact]
    public async Task PollAsync_BatchHaltsBeforeIt_GoesWithTheDialogsRetryInsteadOfFailing()
    {
        await using var bed = Bed(o =>
        {
            o.MaxConcurrentRequests = 1;
            o.FirstRetryDelay = TimeSpan.FromSeconds(1);
        });
        var failures = 0;
        bed.Portal.Script = call => call.Text == "one" && ++failures == 1 ? PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.OK) : Answer(call);
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "one"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "two"), null, CancellationToken.None));
        }

        await Eventually.TrueAsync(() => bed.Portal.Requests.Count == 2 && bed.Clock.ActiveTimerCount == 1, "the dialog waits for its retry");
        Assert.True(bed.Portal.Requests[1].Halt);
        Assert.False(poll.IsCompleted);
        bed.Clock.Advance(TimeSpan.FromSeconds(2));

        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, bed.Portal.Requests.Count);
        Assert.Equal(["one", "two", null], bed.Portal.Requests[2].Calls.Select(c => c.Text));
    }

    [Fact]
    public async Task PollAsync_DialogWaitingForARetry_NeitherHoldsThePollBackNorIsOvertakenByIt()
    {
        await using var bed = Bed(o => o.FirstRetryDelay = TimeSpan.FromSeconds(5));
        var failures = 0;
        bed.Portal.Script = call => call.Text == "one" && ++failures == 1 ? PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.InternalServerError) : Answer(call);
        var one = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "one"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the dialog waits for its retry");
        var two = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "two"), null, CancellationToken.None);

        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow(), CancellationToken.None);
        await poll.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([EventGet], bed.Portal.Requests[1].Calls.Select(c => c.Method));
        Assert.False(two.IsCompleted);
        bed.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["one", "one", "two"], bed.Portal.Calls.Where(c => c.Text is not null).Select(c => c.Text));
    }

    [Fact]
    public async Task PollAsync_CancelledWhileWaiting_IsWithdrawnAndNeverSent()
    {
        await using var bed = Bed();
        using var cancel = new CancellationTokenSource();
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(50);

        var request = Assert.Single(bed.Portal.Requests);
        Assert.False(request.IsBatch);
        Assert.Equal("hello", request.Calls[0].Text);
    }

    [Fact]
    public async Task PollAsync_CancelledWhileOnItsWay_StopsWaitingAtOnce()
    {
        await using var bed = Bed();
        using var cancel = new CancellationTokenSource();
        using (bed.Portal.HoldRequests())
        {
            var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow(), cancel.Token);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the poll is under way");

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task PollAsync_Waiting_IsNotPendingAndDoesNotHoldUpADrain()
    {
        await using var bed = Bed();
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddMinutes(1), CancellationToken.None);

        Assert.Equal(0, bed.SendQueue.Pending);
        Assert.Equal(0, await bed.SendQueue.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(poll.IsCompleted);
    }

    [Fact]
    public async Task PollAsync_OtherBotsBatch_DoesNotCarryIt()
    {
        await using var bed = Bed(o => o.MaxConcurrentRequests = 1);
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
            sends.Add(bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message("1", "a"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message("2", "b"), null, CancellationToken.None));
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(bed.Portal.Calls, c => c.Method == EventGet);
        bed.Clock.Advance(TimeSpan.FromSeconds(10));
        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(EventGet, bed.Portal.Requests[^1].Method);
    }

    [Fact]
    public async Task PollAsync_DueWhileAnotherBotKeepsTheSendQueueBusy_GoesNextInsteadOfWaitingBehindIt()
    {
        await using var bed = Bed(o => o.MaxConcurrentRequests = 1);
        Task<EventGetResult> poll;
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            for (var i = 0; i < 120; i++)
            {
                sends.Add(bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message($"{i}", $"m{i}"), null, CancellationToken.None));
            }

            poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow(), CancellationToken.None);
        }

        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(EventGet, bed.Portal.Requests[1].Method);
        Assert.Equal([1, 1, 50, 50, 20], bed.Portal.Requests.Select(r => r.Calls.Count));
    }

    [Fact]
    public async Task PollAsync_MaxBatchSizeOne_NeverRidesAndGoesAloneWhenDue()
    {
        await using var bed = Bed(o => o.MaxBatchSize = 1);
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
        await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);

        bed.Clock.Advance(TimeSpan.FromSeconds(10));
        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(bed.Portal.Requests, r => Assert.False(r.IsBatch));
        Assert.Equal(["imbot.v2.Chat.Message.send", EventGet], bed.Portal.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task DisposeAsync_PollWaiting_FailsItAsCancelled()
    {
        var bed = Bed();
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest(), bed.Clock.GetUtcNow().AddMinutes(1), CancellationToken.None);

        await bed.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(bed.Portal.Requests);
    }

    // Event.get answers an empty page confirming the offset it was given (one past it), so a test sees which poll it got.
    internal static SendQueueBed Bed(Action<ChatBotHost.Configuration.SendQueueOptions>? configure = null)
    {
        var bed = new SendQueueBed(configure);
        bed.Portal.Script = Answer;
        return bed;
    }

    private static PortalAnswer? Answer(PortalCall call) => call.Method == EventGet ? Page(call) : null;

    private static PortalAnswer Page(PortalCall call)
    {
        var offset = long.Parse(call.Parameters["offset"]?.ToString() ?? "0", CultureInfo.InvariantCulture);
        return new PortalAnswer(new JsonObject { ["events"] = new JsonArray(), ["nextOffset"] = offset + 1, ["hasMore"] = false });
    }
}
