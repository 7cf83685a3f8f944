using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatBotHost.Emulator.Tests;

public sealed class FaultAnswerTests : EmulatorTest
{
    private const string Revision = "imbot.v2.Revision.get";
    private const string Send = "imbot.v2.Chat.Message.send";
    private readonly FakeTimeProvider _clock = new();

    protected override EmulatorOptions Options => new() { TimeProvider = _clock };

    [Fact]
    public async Task FailNext_QueryLimit_FailsThatManyRequestsThenPasses()
    {
        Portal.Faults.FailNext(2, Fault.QueryLimit);

        var first = await Client.CallAsync(Revision);
        var second = await Client.CallAsync(Revision);
        var third = await Client.CallAsync(Revision);

        Assert.Equal((503, 503, 200), (first.Status, second.Status, third.Status));
        Assert.Equal("""{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""", first.Body.ToJsonString());
        Assert.All(Portal.InjectedFaults, f => Assert.Equal((Revision, FaultKind.Http503QueryLimit), (f.Method, f.Kind)));
        Assert.Equal(2, Portal.InjectedFaults.Count);
        Assert.Equal(2, Portal.Calls.Count(c => c.Injected && c.Error == "QUERY_LIMIT_EXCEEDED"));
        Assert.Equal(0, Portal.Limits.Refused);
    }

    [Fact]
    public async Task FailNext_ForMethod_HitsOnlyThatMethod_AlsoInsideBatch()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, FaultKind.Http500, Send);

        var other = await Client.CallAsync(Revision);
        var failed = await Client.CallAsync("batch", BatchOfOneSend(botId, "lost"));
        Assert.Empty(Portal.GetMessages(null));
        var passed = await Client.CallAsync("batch", BatchOfOneSend(botId, "kept"));

        other.Ok();
        Assert.Equal((500, "INTERNAL_SERVER_ERROR"), (failed.Status, failed.Error));
        Assert.Equal("batch", Assert.Single(Portal.InjectedFaults).Method);
        passed.Ok();
        Assert.Equal("kept", Assert.Single(Portal.GetMessages(null)).Text);
    }

    [Theory]
    [InlineData(503, "OVERLOAD_LIMIT")]
    [InlineData(500, "PORTAL_DELETED")]
    [InlineData(401, "METHOD_CONFIRM_WAITING")]
    [InlineData(403, "insufficient_scope")]
    public async Task ErrorFault_AnswersAnyCodeWithItsStatus_WithoutRunningTheCall(int status, string code)
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.Error(status, code), Send);

        var failed = await Client.CallAsync("batch", BatchOfOneSend(botId, "lost"));

        Assert.Equal((status, code), (failed.Status, failed.Error));
        Assert.Empty(Portal.GetMessages(null));
        Assert.Equal(FaultKind.ErrorAnswer, Assert.Single(Portal.InjectedFaults).Kind);
    }

    [Fact]
    public async Task OperationTimeLimitFault_CarriesOperatingResetAtAheadOfNow()
    {
        Portal.Faults.FailNext(1, Fault.OperationTimeLimit(TimeSpan.FromSeconds(30)));

        var answer = await Client.CallAsync(Revision);

        Assert.Equal((429, "OPERATION_TIME_LIMIT"), (answer.Status, answer.Error));
        var resetAt = answer.Body["time"]!["operating_reset_at"]!.GetValue<long>();
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds(), resetAt);
    }

    [Fact]
    public async Task SlowAnswer_PerformsTheCallAtOnce_AnswersWhenTheDelayHasPassed()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.SlowAnswer(TimeSpan.FromSeconds(10)));

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "late" });
        await Portal.WaitForFaultAsync(f => f.Kind == FaultKind.SlowAnswer, Patience, CancellationToken.None);
        var posted = Assert.Single(Portal.GetMessages(null));
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var answer = await pending;
        Assert.Equal(posted.Id, answer.Ok()["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task FailRandomly_FailsTheShareTheSeedDraws()
    {
        Portal.Faults.FailRandomly(0.5, FaultKind.Http503QueryLimit, seed: 42);
        var draws = new Random(42);
        var expected = Enumerable.Range(0, 20).Select(_ => draws.NextDouble() < 0.5 ? 503 : 200).ToList();

        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await Client.CallAsync(Revision)).Status);
        }

        Assert.Equal(expected, statuses);
        Assert.Contains(503, statuses);
        Assert.Contains(200, statuses);
    }

    [Fact]
    public async Task Clear_DisarmsEveryPendingFault()
    {
        Portal.Faults.FailNext(5, Fault.InternalError);
        Portal.Faults.FailRandomly(1, Fault.QueryLimit, seed: 1);

        Portal.Faults.Clear();

        (await Client.CallAsync(Revision)).Ok();
        Assert.Empty(Portal.InjectedFaults);
    }

    private JsonObject BatchOfOneSend(int botId, string text) => new()
    {
        ["cmd"] = new JsonObject { ["m"] = $"{Send}?botId={botId}&botToken={Token}&dialogId={Admin}&fields[message]={text}" },
    };

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
