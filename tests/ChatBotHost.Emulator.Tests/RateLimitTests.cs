using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatBotHost.Emulator.Tests;

public sealed class RateLimitTests : EmulatorTest
{
    private const string Revision = "imbot.v2.Revision.get";
    private readonly FakeTimeProvider _clock = new();

    protected override EmulatorOptions Options => new() { TimeProvider = _clock, RateLimit = RateLimitOptions.Standard };

    [Fact]
    public async Task Burst_FromEmptyBucket_LetsBurstPlusOneThroughThenRefuses()
    {
        for (var i = 0; i < 51; i++)
        {
            (await Client.CallAsync(Revision)).Ok();
        }

        var refused = await Client.CallAsync(Revision);

        Assert.Equal(503, refused.Status);
        Assert.Equal("""{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""", refused.Body.ToJsonString());
        Assert.Equal(new RateLimitSnapshot(51, 1, 51, 51), Portal.Limits.Snapshot());
        var recorded = Portal.Calls[^1];
        Assert.Equal(("QUERY_LIMIT_EXCEEDED", 503, false), (recorded.Error, recorded.StatusCode, recorded.Injected));
    }

    [Fact]
    public async Task Drain_OverFakeTime_LetsRequestsThroughAgain()
    {
        Portal.Limits.SetRateLimit(new RateLimitOptions { DrainPerSecond = 2, Burst = 3 });
        await CallTimesAsync(4);
        Assert.Equal(503, (await Client.CallAsync(Revision)).Status);

        _clock.Advance(TimeSpan.FromSeconds(0.5)); // drains 1: level 3, not above the burst
        var afterHalfSecond = await Client.CallAsync(Revision);
        var refusedAgain = await Client.CallAsync(Revision);
        _clock.Advance(TimeSpan.FromSeconds(60));

        afterHalfSecond.Ok();
        Assert.Equal(503, refusedAgain.Status);
        Assert.Equal(0, Portal.Limits.Level);
        await CallTimesAsync(4);
        Assert.Equal((9, 2), (Portal.Limits.Accepted, Portal.Limits.Refused));
    }

    [Fact]
    public async Task SteadyRate_AtTheDrainRate_IsNeverRefused()
    {
        Portal.Limits.SetRateLimit(new RateLimitOptions { DrainPerSecond = 2, Burst = 1 });

        for (var i = 0; i < 20; i++)
        {
            (await Client.CallAsync(Revision)).Ok();
            _clock.Advance(TimeSpan.FromSeconds(0.5));
        }

        Assert.Equal(0, Portal.Limits.Refused);
        Assert.Equal(1, Portal.Limits.Snapshot().PeakLevel);
    }

    [Fact]
    public async Task Batch_Of50Commands_CountsAsOneRequest()
    {
        var cmd = new JsonObject();
        for (var i = 0; i < 50; i++)
        {
            cmd["r" + i.ToString(CultureInfo.InvariantCulture)] = Revision;
        }

        var answer = await Client.CallAsync("batch", new JsonObject { ["cmd"] = cmd });

        Assert.Equal(50, answer.Ok()["result"]!.AsObject().Count);
        Assert.Equal(new RateLimitSnapshot(1, 0, 1, 1), Portal.Limits.Snapshot());
    }

    [Fact]
    public async Task RefusedRequest_IsNotPerformed()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Limits.SetRateLimit(new RateLimitOptions { DrainPerSecond = 1, Burst = 0 });
        await Client.CallAsync(Revision);

        var refused = await Client.SendMessageAsync(botId, Token, Admin.ToString(CultureInfo.InvariantCulture), new JsonObject { ["message"] = "lost" });

        Assert.Equal(503, refused.Status);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task RefusalStatus_CanBe429()
    {
        Portal.Limits.SetRateLimit(new RateLimitOptions { Burst = 0, RefusalStatus = 429 });
        await Client.CallAsync(Revision);

        var refused = await Client.CallAsync(Revision);

        Assert.Equal((429, "QUERY_LIMIT_EXCEEDED"), (refused.Status, refused.Error));
    }

    [Fact]
    public async Task NoRateLimit_NeverRefusesButStillCounts()
    {
        Portal.Limits.SetRateLimit(null);

        await CallTimesAsync(60);

        Assert.Equal(new RateLimitSnapshot(60, 0, 0, 0), Portal.Limits.Snapshot());
    }

    [Fact]
    public void Presets_MatchTheDocumentedPlans()
    {
        Assert.Equal((2d, 50), (RateLimitOptions.Standard.DrainPerSecond, RateLimitOptions.Standard.Burst));
        Assert.Equal((5d, 250), (RateLimitOptions.Enterprise.DrainPerSecond, RateLimitOptions.Enterprise.Burst));
    }

    private async Task CallTimesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await Client.CallAsync(Revision)).Ok();
        }
    }
}
