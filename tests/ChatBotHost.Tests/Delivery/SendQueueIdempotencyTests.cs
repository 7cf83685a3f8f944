using ChatBotHost.Delivery;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

public sealed class SendQueueIdempotencyTests
{
    [Fact]
    public async Task SendAsync_KeyAlreadyRecorded_ReturnsTheRecordedResultWithoutSending()
    {
        await using var bed = new SendQueueBed();
        var first = await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1:imbot.v2.Chat.Message.send", CancellationToken.None);

        var again = await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1:imbot.v2.Chat.Message.send", CancellationToken.None);

        Assert.Single(bed.Portal.Requests);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public async Task SendAsync_KeyedCallSent_RecordsItsResultForThreeDays()
    {
        await using var bed = new SendQueueBed();

        var result = await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);

        Assert.Contains($"\"id\":{result.Id}", await bed.Ledger.FindAsync(bed.Bot.Portal.Key, "echo", "e:1#1", CancellationToken.None), StringComparison.Ordinal);
        bed.Clock.Advance(SendRecords.Retention);
        Assert.Null(await bed.Ledger.FindAsync(bed.Bot.Portal.Key, "echo", "e:1#1", CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_SameKeyOfAnotherBot_IsSentAgain()
    {
        await using var bed = new SendQueueBed();
        await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);

        await bed.SendQueue.SendAsync(bed.OtherBot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);

        Assert.Equal(2, bed.Portal.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SameKeyWhileTheFirstIsStillQueued_SharesOneSend()
    {
        await using var bed = new SendQueueBed();
        Task<Bitrix.Requests.Messages.ChatMessageSendResult> first, repeat;
        using (bed.Portal.HoldRequests())
        {
            first = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the call is under way");
            repeat = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);
        }

        Assert.Equal((await first).Id, (await repeat.WaitAsync(TimeSpan.FromSeconds(10))).Id);
        Assert.Single(bed.Portal.Requests);
    }

    [Fact]
    public async Task SendAsync_RefusedCall_IsNotRecordedSoARepeatIsSentAgain()
    {
        await using var bed = new SendQueueBed();
        var refusals = 0;
        bed.Portal.Script = _ => ++refusals == 1 ? PortalAnswer.Fail("ACCESS_DENIED", System.Net.HttpStatusCode.Forbidden) : null;
        await Assert.ThrowsAsync<Bitrix.Client.BitrixApiException>(
            () => bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None));

        await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), "e:1#1", CancellationToken.None);

        Assert.Equal(2, bed.Portal.Requests.Count);
    }
}
