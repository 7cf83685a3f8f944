using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatBotHost.Emulator.Tests;

public sealed class OperatingLimitTests : EmulatorTest
{
    private const string Send = "imbot.v2.Chat.Message.send";
    private readonly FakeTimeProvider _clock = new();

    protected override EmulatorOptions Options => new() { TimeProvider = _clock };

    [Fact]
    public async Task ExhaustedMethod_Answers429WithOperatingResetAt_OtherMethodsRun()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var resetAt = Portal.Limits.ExhaustOperatingTime(Send, TimeSpan.FromSeconds(90));

        var blocked = await SendAsync(botId, "blocked");
        var other = await Client.EventGetAsync(botId, Token);

        Assert.Equal((429, "OPERATION_TIME_LIMIT"), (blocked.Status, blocked.Error));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(90), resetAt);
        Assert.Equal(resetAt.ToUnixTimeSeconds(), blocked.Body["time"]!["operating_reset_at"]!.GetValue<long>());
        Assert.NotNull(other["events"]);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task ExhaustedMethod_RunsAgainOnceTheResetTimePasses()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Limits.ExhaustOperatingTime(Send, TimeSpan.FromSeconds(90));

        _clock.Advance(TimeSpan.FromSeconds(89));
        var stillBlocked = await SendAsync(botId, "early");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterReset = await SendAsync(botId, "on time");

        Assert.Equal(429, stillBlocked.Status);
        afterReset.Ok();
        Assert.Equal("on time", Assert.Single(Portal.GetMessages(null)).Text);
    }

    [Fact]
    public async Task ExhaustedMethod_InsideBatch_FailsOnlyItsSubCalls()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var resetAt = Portal.Limits.ExhaustOperatingTime(Send, TimeSpan.FromMinutes(2));

        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonObject
            {
                ["send"] = $"{Send}?botId={botId}&botToken={Token}&dialogId={Admin}&fields[message]=x",
                ["events"] = $"imbot.v2.Event.get?botId={botId}&botToken={Token}",
            },
        });

        var result = answer.Ok();
        Assert.Equal("OPERATION_TIME_LIMIT", result["result_error"]!["send"]!["error"]!.GetValue<string>());
        Assert.Equal(resetAt.ToUnixTimeSeconds(), result["result_time"]!["send"]!["operating_reset_at"]!.GetValue<long>());
        Assert.NotNull(result["result"]!["events"]);
    }

    [Fact]
    public async Task ResetOperatingTime_LiftsTheBlock()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Limits.ExhaustOperatingTime(Send, TimeSpan.FromHours(1));

        Portal.Limits.ResetOperatingTime();

        (await SendAsync(botId, "free")).Ok();
    }

    private Task<ApiAnswer> SendAsync(int botId, string text) =>
        Client.SendMessageAsync(botId, Token, Admin.ToString(CultureInfo.InvariantCulture), new JsonObject { ["message"] = text });
}
