using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

public sealed class SendQueueStopTests
{
    [Fact]
    public async Task DrainAsync_CallsQueuedAndUnderWay_ReturnsOnceAllAreSent()
    {
        await using var bed = new SendQueueBed(o => o.MaxConcurrentRequests = 1);
        Task drain;
        using (bed.Portal.HoldRequests())
        {
            _ = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "under way"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the first call is under way");
            _ = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("2", "queued"), null, CancellationToken.None);
            drain = bed.SendQueue.DrainAsync(CancellationToken.None);
            Assert.False(drain.IsCompleted);
        }

        await drain.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, bed.SendQueue.Pending);
        Assert.Equal(["under way", "queued"], bed.Portal.Calls.Select(c => c.Text));
    }

    [Fact]
    public async Task DrainAsync_TimeoutFiresFirst_ReturnsHowManyAreLeft()
    {
        await using var bed = new SendQueueBed();
        using var hold = bed.Portal.HoldRequests();
        _ = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "stuck"), null, CancellationToken.None);
        using var timeout = new CancellationTokenSource();

        var drain = bed.SendQueue.DrainAsync(timeout.Token);
        await timeout.CancelAsync();

        Assert.Equal(1, await drain.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DisposeAsync_CallsLeft_FailsThemAsCancelled()
    {
        var bed = new SendQueueBed(o => o.FirstRetryDelay = TimeSpan.FromMinutes(1));
        bed.Portal.Script = _ => PortalAnswer.Fail(Bitrix.Client.BitrixErrors.InternalServerError, System.Net.HttpStatusCode.InternalServerError);
        var send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "never"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the retry is scheduled");

        await bed.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "late"), null, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_CallerCancelsWhileQueued_StopsWaitingButTheCallIsStillSent()
    {
        await using var bed = new SendQueueBed();
        using var caller = new CancellationTokenSource();
        Task send;
        using (bed.Portal.HoldRequests())
        {
            send = bed.SendQueue.SendAsync(bed.Bot, Sends.Message("1", "sent anyway"), null, caller.Token);
            await Eventually.TrueAsync(() => bed.Portal.Held == 1, "the call is under way");
            await caller.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        }

        await bed.SendQueue.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("sent anyway", Assert.Single(bed.Portal.Calls).Text);
    }
}
