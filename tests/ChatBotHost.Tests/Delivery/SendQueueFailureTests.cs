using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

public sealed class SendQueueFailureTests
{
    [Fact]
    public async Task SendAsync_ServerErrorThenSuccess_RetriesAfterTheBackoffAndReturnsTheResult()
    {
        await using var bed = new SendQueueBed(o => o.FirstRetryDelay = TimeSpan.FromSeconds(2));
        var attempts = 0;
        bed.Portal.Script = call => ++attempts == 1 ? PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.InternalServerError) : null;

        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the retry is scheduled");
        Assert.False(send.IsCompleted);
        bed.Clock.Advance(TimeSpan.FromSeconds(2));

        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Portal.Requests.Count);
        Assert.True(result.Id > 0);
        Assert.Equal(0, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_QueryLimitExceeded_BacksOffAndRetries()
    {
        await using var bed = new SendQueueBed(o => o.FirstRetryDelay = TimeSpan.FromSeconds(1));
        var attempts = 0;
        bed.Portal.RequestScript = _ => ++attempts == 1 ? PortalAnswer.Fail(BitrixErrors.QueryLimitExceeded, HttpStatusCode.ServiceUnavailable) : null;

        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the retry is scheduled");
        Assert.Single(bed.Portal.Requests);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));

        await send.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Portal.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_OperationTimeLimit_WaitsUntilOperatingResetAt()
    {
        await using var bed = new SendQueueBed(o => o.FirstRetryDelay = TimeSpan.FromSeconds(1));
        var resetAt = bed.Clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        var attempts = 0;
        bed.Portal.Script = _ => ++attempts == 1
            ? new PortalAnswer(null, BitrixErrors.OperationTimeLimit, HttpStatusCode.TooManyRequests, resetAt)
            : null;

        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the retry is scheduled");
        bed.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(bed.Portal.Requests);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));

        await send.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Portal.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_NonTransientError_IsSentOnceDeadLetteredWithoutSecretsAndThrown()
    {
        await using var bed = new SendQueueBed();
        bed.Portal.Script = _ => PortalAnswer.Fail("ACCESS_DENIED", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<BitrixApiException>(
            () => bed.SendQueue.SendAsync(bed.Bot, Sends.Message("chat9", "hello"), null, CancellationToken.None));

        Assert.Equal("ACCESS_DENIED", error.Error);
        Assert.Single(bed.Portal.Requests);
        Assert.Equal(0, bed.Clock.ActiveTimerCount);
        var letter = Assert.Single(await bed.DeadLetters.ListAsync(bed.Bot.Portal.Key, 10, CancellationToken.None));
        Assert.Equal(DeadLetter.Kinds.Call, letter.Kind);
        Assert.Equal("echo", letter.BotCode);
        Assert.Equal("chat9", letter.DialogId);
        Assert.Equal("ACCESS_DENIED: scripted ACCESS_DENIED", letter.Reason);
        Assert.Equal(bed.Clock.GetUtcNow(), letter.At);
        var payload = JsonNode.Parse(letter.Payload)!;
        Assert.Equal("imbot.v2.Chat.Message.send", payload["method"]!.ToString());
        Assert.Equal("hello", payload["params"]!["fields"]!["message"]!.ToString());
        Assert.DoesNotContain(SendQueueBed.BotToken, letter.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("webhookcode", letter.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_GivesUpAfterMaxAttemptsAndDeadLetters()
    {
        await using var bed = new SendQueueBed(o =>
        {
            o.MaxAttempts = 3;
            o.FirstRetryDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
        });
        bed.Portal.Script = _ => PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.InternalServerError);

        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        for (var retry = 1; retry < 3; retry++)
        {
            await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1 && bed.Portal.Requests.Count == retry, $"retry {retry} is scheduled");
            bed.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(BitrixErrors.InternalServerError, error.Error);
        Assert.Equal(3, bed.Portal.Requests.Count);
        Assert.Equal(1, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_OneSubCallOfABatchFails_OnlyThatCallFailsAndIsDeadLettered()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        bed.Portal.Script = call => call.Text == "" ? PortalAnswer.Fail("EMPTY_MESSAGE", HttpStatusCode.BadRequest) : null;
        Task<Bitrix.Requests.Messages.ChatMessageSendResult> good1, empty, good2;
        using (bed.Portal.HoldRequests())
        {
            var warmUp = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "warm-up"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            good1 = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("2", "a"), null, CancellationToken.None);
            empty = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("3", ""), null, CancellationToken.None);
            good2 = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("4", "b"), null, CancellationToken.None);
        }

        Assert.True((await good1.WaitAsync(TimeSpan.FromSeconds(10))).Id > 0);
        Assert.True((await good2.WaitAsync(TimeSpan.FromSeconds(10))).Id > 0);
        var error = await Assert.ThrowsAsync<BitrixApiException>(() => empty.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("EMPTY_MESSAGE", error.Error);
        Assert.True(bed.Portal.Requests[1].IsBatch);
        Assert.Equal(2, bed.Portal.Requests.Count);
        Assert.Equal("3", Assert.Single(await bed.DeadLetters.ListAsync(bed.Bot.Portal.Key, 10, CancellationToken.None)).DialogId);
    }

    [Fact]
    public async Task SendAsync_BotNotFoundInsideABatch_SendsThatCallAgainAlone()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        var refusals = 0;
        bed.Portal.Script = call => call.Text == "lost" && ++refusals == 1 ? PortalAnswer.Fail(BitrixErrors.BotNotFound, HttpStatusCode.BadRequest) : null;
        Task lost, other;
        using (bed.Portal.HoldRequests())
        {
            var warmUp = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "warm-up"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            lost = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("2", "lost"), null, CancellationToken.None);
            other = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("3", "fine"), null, CancellationToken.None);
        }

        await Task.WhenAll(lost, other).WaitAsync(TimeSpan.FromSeconds(10));

        // Alone, the call goes through the client source, whose client registers the bot again on BOT_NOT_FOUND.
        Assert.Equal([1, 2, 1], bed.Portal.Requests.Select(r => r.Calls.Count));
        Assert.False(bed.Portal.Requests[2].IsBatch);
        Assert.Equal("lost", bed.Portal.Requests[2].Calls[0].Text);
    }

    [Fact]
    public async Task SendAsync_TransientFailureOfOneDialogsCall_HoldsBackItsLaterCallsButNotOtherDialogs()
    {
        await using var bed = new SendQueueBed(o => o.FirstRetryDelay = TimeSpan.FromSeconds(5));
        var failures = 0;
        bed.Portal.Script = call => call.Text == "first" && ++failures == 1 ? PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.InternalServerError) : null;

        var first = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "first"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the retry is scheduled");
        var second = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "second"), null, CancellationToken.None);
        await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("6", "elsewhere"), null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(second.IsCompleted);
        bed.Clock.Advance(TimeSpan.FromSeconds(5));

        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "elsewhere", "first", "second"], bed.Portal.Calls.Select(c => c.Text));
    }

    [Fact]
    public async Task SendAsync_EarlierCallOfADialogFailsInsideABatch_TheLaterOneIsNotDeliveredBeforeIt()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        var failures = 0;
        bed.Portal.Script = call => call.Text == "one" && ++failures == 1 ? PortalAnswer.Fail(BitrixErrors.InternalServerError, HttpStatusCode.OK) : null;
        Task<ChatMessageSendResult> one, two, other;
        using (bed.Portal.HoldRequests())
        {
            var warmUp = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("9", "warm-up"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            one = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "one"), null, CancellationToken.None);
            two = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "two"), null, CancellationToken.None);
            other = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("6", "other"), null, CancellationToken.None);
        }

        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the failed call waits for its retry");
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(two.IsCompleted);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(bed.Portal.Requests[1].Halt);
        Assert.True((await two).Id > (await one).Id, "the dialog's second message was posted before its first");
    }

    [Fact]
    public async Task SendAsync_NoClientForTheBot_FailsThatCallWithoutDeadLetterAndKeepsSending()
    {
        await using var bed = new SendQueueBed();
        var unregistered = new HostedBot(new BotBuilder().Profile("ghost", "Ghost").Build("Ghost"), new BotSettings(), "t", bed.Bot.Portal);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => bed.SendQueue.SendAsync(unregistered, Sends.Message("5", "lost"), null, CancellationToken.None));
        var result = await bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "fine"), null, CancellationToken.None);

        Assert.True(result.Id > 0);
        Assert.Equal(0, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
    }
}
