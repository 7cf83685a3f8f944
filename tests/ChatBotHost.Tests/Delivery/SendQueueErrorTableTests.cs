using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

/// <summary>What the outbox does with the behaviours of the error table that concern queued calls.</summary>
public sealed class SendQueueErrorTableTests
{
    [Theory]
    [InlineData(405, BitrixErrors.BatchMethodNotAllowed)]
    [InlineData(400, BitrixErrors.BatchLengthExceeded)]
    public async Task After_BatchRefusedByThePortal_SendsEachCallAloneAtOnceWithoutCountingAFailure(int status, string code)
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(status, code), "batch");
        var batch = new BatchRequest().Add("a", new RevisionGetRequest()).Add("b", new RevisionGetRequest());
        var error = await Assert.ThrowsAsync<BitrixApiException>(
            () => bed.Connection.CreateClient(null, null, CallPath.Once).CallAsync(batch, CancellationToken.None));
        await using var outbox = new SendQueueBed();
        var call = new QueuedCall<RevisionGetResult>(outbox.Bot, new RevisionGetRequest(), idempotencyKey: null);

        var delay = new SendRetries(new SendQueueOptions(), bed.Clock).After(call, error, wasInBatch: true);

        Assert.Equal(code, error.Error);
        Assert.Equal(TimeSpan.Zero, delay);
        Assert.True(call.SendAlone);
        Assert.Equal(0, call.Failures);
        Assert.NotNull(await bed.CallAsync(CallPath.Once));
    }

    [Fact]
    public async Task SendAsync_MethodConfirmWaiting_ReachesTheCallerTypedWithoutRetryOrDeadLetter()
    {
        await using var bed = new SendQueueBed();
        bed.Portal.Script = _ => PortalAnswer.Fail(BitrixErrors.MethodConfirmWaiting, HttpStatusCode.Unauthorized);

        await Assert.ThrowsAsync<MethodConfirmWaitingException>(
            () => bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None));

        Assert.Single(bed.Portal.Requests);
        Assert.Equal(0, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_PortalSuspended_KeepsTheCallWaitingUntilTheProbeThenDeliversIt()
    {
        await using var bed = new SendQueueBed();
        var refusals = 0;
        bed.Portal.RequestScript = _ => ++refusals == 1 ? PortalAnswer.Fail(BitrixErrors.OverloadLimit, HttpStatusCode.ServiceUnavailable) : null;

        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("5", "hello"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the call waits for the probe");

        Assert.False(send.IsCompleted);
        Assert.Single(bed.Portal.Requests);
        Assert.Equal(0, await bed.DeadLetters.CountAsync(bed.Bot.Portal.Key, CancellationToken.None));
        bed.Clock.Advance(PortalSuspensions.FirstPause);
        Assert.True((await send.WaitAsync(TimeSpan.FromSeconds(10))).Id > 0);
        Assert.Equal(2, bed.Portal.Requests.Count);
    }
}
