using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Intake;

namespace ChatBotHost.Tests.Intake;

public sealed class BackoffTests
{
    // Jitter is random; each property is checked over enough draws to see both ends of the range.
    private const int Draws = 200;
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new();

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(4, 4, 8)]
    [InlineData(6, 16, 32)]
    public void After_PlainFailures_DoublesWithJitterBetweenHalfAndFull(int failures, double minSeconds, double maxSeconds)
    {
        for (var i = 0; i < Draws; i++)
        {
            var delay = Backoff.After(failures, new IOException("down"), Cap, _clock);

            Assert.InRange(delay, TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void After_ManyFailures_NeverExceedsTheCap(int failures)
    {
        for (var i = 0; i < Draws; i++)
        {
            var delay = Backoff.After(failures, new IOException("down"), Cap, _clock);

            Assert.InRange(delay, Cap / 2, Cap);
        }
    }

    [Theory]
    [InlineData(BitrixErrors.QueryLimitExceeded, HttpStatusCode.ServiceUnavailable)]
    [InlineData("ANY", HttpStatusCode.TooManyRequests)]
    public void After_RateLimitedFirstFailure_WaitsAtLeastTwoSeconds(string error, HttpStatusCode status)
    {
        var exception = new BitrixApiException(error, null, status);

        for (var i = 0; i < Draws; i++)
        {
            Assert.InRange(Backoff.After(1, exception, Cap, _clock), TimeSpan.FromSeconds(2), Cap);
        }
    }

    [Fact]
    public void After_RateLimitedWithSmallCap_StaysAtTheCap()
    {
        var exception = new BitrixApiException(BitrixErrors.QueryLimitExceeded, null, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.After(1, exception, TimeSpan.FromSeconds(1), _clock));
    }

    [Fact]
    public void After_OperatingResetInTheFuture_WaitsUntilThen()
    {
        var resetAt = _clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        var exception = new BitrixApiException(BitrixErrors.OperationTimeLimit, null, HttpStatusCode.ServiceUnavailable, resetAt);

        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.After(1, exception, Cap, _clock));
    }

    [Fact]
    public void After_OperatingResetBeyondTheCap_WaitsOnlyTheCap()
    {
        var resetAt = _clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds();
        var exception = new BitrixApiException(BitrixErrors.OperationTimeLimit, null, HttpStatusCode.ServiceUnavailable, resetAt);

        Assert.Equal(Cap, Backoff.After(1, exception, Cap, _clock));
    }

    [Fact]
    public void After_PortalSuspended_WaitsForItsNextProbeWithinTheCap()
    {
        var answer = new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", HttpStatusCode.ServiceUnavailable);
        var suspended = new ChatBotHost.Delivery.PortalSuspendedException(answer, _clock.GetUtcNow().AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.After(1, suspended, Cap, _clock));
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.After(1, suspended, TimeSpan.FromSeconds(10), _clock));
    }

    [Fact]
    public void After_OperatingResetAlreadyPassed_FallsBackToTheExponentialDelay()
    {
        var resetAt = _clock.GetUtcNow().AddSeconds(-30).ToUnixTimeSeconds();
        var exception = new BitrixApiException(BitrixErrors.OperationTimeLimit, null, HttpStatusCode.ServiceUnavailable, resetAt);

        for (var i = 0; i < Draws; i++)
        {
            Assert.InRange(Backoff.After(4, exception, Cap, _clock), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        }
    }
}
