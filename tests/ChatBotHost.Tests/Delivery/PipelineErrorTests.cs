using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator.Faults;

namespace ChatBotHost.Tests.Delivery;

/// <summary>
/// Each code of the error table answered by the emulator, and what the call pipeline does about it: retry, wait for
/// the bucket, refresh, re-register, park, suspend, or fail to the caller with the code and its description.
/// </summary>
public sealed class PipelineErrorTests
{
    private const string Revision = PipelineBed.Revision;

    public static TheoryData<int, string> Transient => new()
    {
        { 500, BitrixErrors.InternalServerError },
        { 500, BitrixErrors.UnexpectedAnswer },
        { 502, "SOMETHING_NEW_AT_THE_GATEWAY" },
        { 503, BitrixErrors.QueryLimitExceeded },
    };

    public static TheoryData<int, string> CallersOwn => new()
    {
        { 401, BitrixErrors.NoAuthFound },
        { 400, BitrixErrors.InvalidRequest },
        { 403, BitrixErrors.AccessDenied },
        { 403, BitrixErrors.InvalidCredentials },
        { 404, BitrixErrors.ManifestNotAvailable },
        { 403, BitrixErrors.InsufficientScope },
        { 403, BitrixErrors.UserAccessError },
        { 403, BitrixErrors.BotOwnershipError },
        { 400, BitrixErrors.BotTokenNotSpecified },
        { 404, BitrixErrors.MethodNotFound },
        { 400, "SOMETHING_NEW_AND_WRONG" },
        { 401, BitrixErrors.ExpiredToken }, // a webhook code cannot be refreshed
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Call_TransientCode_IsRetriedAfterTheBackoffAndSucceeds(int status, string code)
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(status, code), Revision);

        var call = bed.CallAsync();
        var waited = await bed.DriveAsync(call);

        Assert.NotNull(await call);
        Assert.Equal(2, bed.Revisions);
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Call_TransportError_IsRetriedAndSucceeds()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.DroppedConnection, Revision);

        var call = bed.CallAsync();
        await bed.DriveAsync(call);

        Assert.NotNull(await call);
        Assert.Single(bed.Emulator.Portal.InjectedFaults);
        Assert.Equal(1, bed.Revisions); // the dropped request never got an answer to record
    }

    [Fact]
    public async Task Call_FailingEveryTime_MakesAtMostMaxAttemptsThenThrows()
    {
        await using var bed = await PipelineBed.StartAsync(maxAttempts: 3);
        bed.Emulator.Portal.Faults.FailNext(10, Fault.Error(500, BitrixErrors.InternalServerError), Revision);

        var call = bed.CallAsync();
        await bed.DriveAsync(call);

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => call);
        Assert.Equal(BitrixErrors.InternalServerError, error.Error);
        Assert.Equal(3, bed.Revisions);
    }

    [Fact]
    public async Task Call_QueryLimitExceeded_HoldsTheSharedBucketForEveryone()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(503, BitrixErrors.QueryLimitExceeded), Revision);

        await Assert.ThrowsAsync<BitrixApiException>(() => bed.CallAsync(CallPath.Once));

        // Another replica asking now is refused too, though the bucket had room before the portal complained.
        Assert.NotEqual(TimeSpan.Zero, await bed.Store.TryAcquireAsync(bed.Connection.Key, bed.Limiter.Limit, CancellationToken.None));
    }

    [Fact]
    public async Task Call_OperationTimeLimit_WaitsUntilOperatingResetAtWithoutHoldingTheBucket()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.OperationTimeLimit(TimeSpan.FromSeconds(30)), Revision);
        var resetAt = bed.Clock.GetUtcNow().AddSeconds(30);

        var call = bed.CallAsync();
        await bed.DriveAsync(call);

        Assert.NotNull(await call);
        var retry = bed.Emulator.Portal.Calls.Last(c => c.Method == Revision);
        Assert.True(retry.Timestamp >= resetAt, $"retried at {retry.Timestamp:O}, before the budget freed up at {resetAt:O}");
        Assert.Equal(TimeSpan.Zero, await bed.Store.TryAcquireAsync(bed.Connection.Key, bed.Limiter.Limit, CancellationToken.None));
    }

    [Theory]
    [InlineData(BitrixErrors.ExpiredToken)]
    [InlineData(BitrixErrors.InvalidToken)]
    public async Task Call_ExpiredOAuthToken_RefreshesOnceAndRepeats(string code)
    {
        await using var bed = await PipelineBed.StartAsync();
        var tokens = new RotatingTokens(bed.Emulator.WebhookUrl);
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(401, code), Revision);

        Assert.NotNull(await bed.CallWithTokensAsync(tokens));

        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(2, bed.Revisions);
    }

    [Fact]
    public async Task Call_ExpiredTwice_RefreshesOnlyOnceAndFails()
    {
        await using var bed = await PipelineBed.StartAsync();
        var tokens = new RotatingTokens(bed.Emulator.WebhookUrl);
        bed.Emulator.Portal.Faults.FailNext(2, Fault.Error(401, BitrixErrors.ExpiredToken), Revision);

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => bed.CallWithTokensAsync(tokens));

        Assert.Equal(BitrixErrors.ExpiredToken, error.Error);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(2, bed.Revisions);
    }

    [Fact]
    public async Task Call_BotNotFound_ReRegistersTheBotAndRepeatsOnce()
    {
        await using var bed = await PipelineBed.StartAsync();
        var registrations = 0;
        var path = new CallPath(BucketPermit.ToTake(), Retried: false, ReRegister: _ => Task.FromResult(++registrations));
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(400, BitrixErrors.BotNotFound), Revision);

        Assert.NotNull(await bed.CallAsync(path));

        Assert.Equal(1, registrations);
        Assert.Equal(2, bed.Revisions);
    }

    [Fact]
    public async Task Call_MethodConfirmWaiting_IsNotRetriedAndReachesTheCallerTyped()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(401, BitrixErrors.MethodConfirmWaiting, "waiting for the administrator"), Revision);

        var error = await Assert.ThrowsAsync<MethodConfirmWaitingException>(() => bed.CallAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("waiting for the administrator", error.Description);
        Assert.Equal(1, bed.Revisions);
    }

    [Fact]
    public async Task Call_MethodConfirmDenied_ReachesTheCallerAsItsOwnOutcome()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(403, BitrixErrors.MethodConfirmDenied), Revision);

        await Assert.ThrowsAsync<MethodConfirmDeniedException>(() => bed.CallAsync());

        Assert.Equal(1, bed.Revisions);
    }

    [Theory]
    [MemberData(nameof(CallersOwn))]
    public async Task Call_CodeRetryingCannotHelp_FailsToTheCallerAtOnceWithCodeAndDescription(int status, string code)
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(status, code, $"about {code}"), Revision);

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => bed.CallAsync());

        Assert.Equal((code, $"about {code}", (HttpStatusCode)status), (error.Error, error.Description, error.StatusCode));
        Assert.Equal(1, bed.Revisions);
    }
}
