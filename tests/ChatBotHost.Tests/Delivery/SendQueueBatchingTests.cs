using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

public sealed class SendQueueBatchingTests
{
    [Fact]
    public async Task SendAsync_SingleCall_GoesAloneAsAPlainCallAndReturnsTheNewMessageId()
    {
        await using var bed = new SendQueueBed();

        var result = await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);

        var request = Assert.Single(bed.Portal.Requests);
        Assert.False(request.IsBatch);
        Assert.Equal("imbot.v2.Chat.Message.send", request.Method);
        Assert.Equal("hello", request.Calls[0].Text);
        Assert.Equal(1001, result.Id);
    }

    [Fact]
    public async Task SendAsync_120CallsQueuedWhileARequestIsUnderWay_GoAsBatchesOf50And50And20EachWithItsOwnResult()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        Task<Bitrix.Requests.Messages.ChatMessageSendResult> first;
        var queued = new List<Task<Bitrix.Requests.Messages.ChatMessageSendResult>>();
        using (bed.Portal.HoldRequests())
        {
            first = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("0", "first"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            for (var i = 1; i <= 120; i++)
            {
                queued.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"m{i}"), null, CancellationToken.None));
            }
        }

        var results = await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30));
        await first;

        Assert.Equal([1, 50, 50, 20], bed.Portal.Requests.Select(r => r.Calls.Count));
        Assert.Equal([false, true, true, true], bed.Portal.Requests.Select(r => r.IsBatch));
        var sent = bed.Portal.Calls.Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"m{i}"), sent.Select(c => c.Text));
        // The portal numbered the messages in the order it ran them; each caller got the id of its own message.
        Assert.Equal(Enumerable.Range(1002, 120), results.Select(r => r.Id));
    }

    [Fact]
    public async Task SendAsync_CallsOfOneDialogQueuedTogether_KeepTheirOrderInsideOneBatch()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("9", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Typing("5"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "one"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("6", "other dialog"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Answer("5", "two"), null, CancellationToken.None));
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "three"), null, CancellationToken.None));
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        var batch = bed.Portal.Requests[1];
        Assert.True(batch.IsBatch);
        Assert.Equal(
            ["imbot.v2.Chat.InputAction.notify", "imbot.v2.Chat.Message.send", "imbot.v2.Command.answer", "imbot.v2.Chat.Message.send"],
            batch.Calls.Where(c => c.DialogId == "5").Select(c => c.Method));
        Assert.Equal(["one", "two", "three"], batch.Calls.Where(c => c.DialogId == "5" && c.Text is not null).Select(c => c.Text));
    }

    [Fact]
    public async Task SendAsync_ManyDialogsWithSeveralRequestsInFlight_NeverSendsOneDialogInTwoRequestsAtOnce()
    {
        await using var bed = new SendQueueBed(o =>
        {
            o.MaxConcurrentRequests = 4;
            o.MaxBatchSize = 3;
        });
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            for (var i = 0; i < 60; i++)
            {
                sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message((i % 12).ToString(System.Globalization.CultureInfo.InvariantCulture), $"m{i}"), null, CancellationToken.None));
            }

            await Eventually.TrueAsync(() => bed.Portal.Held == 4, "four requests under way");
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(bed.Portal.DialogOverlaps);
        foreach (var dialog in bed.Portal.Calls.GroupBy(c => c.DialogId))
        {
            var numbers = dialog.Select(c => int.Parse(c.Text![1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Order(), numbers);
        }

        Assert.Equal(60, bed.Portal.Calls.Count);
    }

    [Fact]
    public async Task SendAsync_TwoBotsQueued_NeverShareABatch()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        var sends = new List<Task>();
        using (bed.Portal.HoldRequests())
        {
            sends.Add(bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "warm-up"), null, CancellationToken.None));
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            for (var i = 0; i < 6; i++)
            {
                var bot = i % 2 == 0 ? bed.Bot : bed.OtherBot;
                sends.Add(bed.SendQueue.SendAsync(bot, Sends.Message($"{10 + i}", $"m{i}"), null, CancellationToken.None));
            }
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        // Each batch is authorized by one bot's token, so each carries one bot's calls.
        Assert.All(bed.Portal.Requests.Skip(1), r => Assert.Single(r.Calls.Select(c => c.Parameters["botId"]?.ToString()).Distinct()));
        Assert.Equal([1, 3, 3], bed.Portal.Requests.Select(r => r.Calls.Count));
    }
}
