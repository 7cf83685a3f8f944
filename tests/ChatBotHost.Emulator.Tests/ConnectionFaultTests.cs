using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class ConnectionFaultTests : EmulatorTest
{
    private const string Send = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task DroppedConnection_ClientSeesHttpRequestException_CallIsNotPerformed()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.DroppedConnection, Send);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendMessageAsync(botId, Token, Dialog(Admin), Text("lost")));

        Assert.Empty(Portal.GetMessages(null));
        Assert.Equal(FaultKind.DroppedConnection, Assert.Single(Portal.InjectedFaults).Kind);
        Assert.DoesNotContain(Portal.Calls, c => c.Method == Send);
    }

    [Fact]
    public async Task AcceptedThenDropped_ClientSeesHttpRequestException_ButTheMessageIsPosted()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, FaultKind.AcceptedThenDropped, Send);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendMessageAsync(botId, Token, Dialog(Admin), Text("twice?")));

        Assert.Equal("twice?", Assert.Single(Portal.GetMessages(null)).Text);
        Assert.Equal(FaultKind.AcceptedThenDropped, Assert.Single(Portal.InjectedFaults).Kind);
        Assert.Contains(Portal.Calls, c => c.Method == Send && c.StatusCode == 200);
    }

    [Fact]
    public async Task AcceptedThenDropped_OnBatch_PerformsEveryCommand()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.AcceptedThenDropped);
        var cmd = new JsonObject
        {
            ["a"] = $"{Send}?botId={botId}&botToken={Token}&dialogId={Admin}&fields[message]=one",
            ["b"] = $"{Send}?botId={botId}&botToken={Token}&dialogId={Admin}&fields[message]=two",
        };

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.CallAsync("batch", new JsonObject { ["cmd"] = cmd }));

        Assert.Equal(["one", "two"], Portal.GetMessages(null).Select(m => m.Text));
    }

    [Fact]
    public async Task SlowAnswer_ClientGivesUp_TheCallStaysPerformed()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.SlowAnswer(TimeSpan.FromMinutes(10)));
        using var clientGivesUp = new CancellationTokenSource();

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), Text("sent anyway"), clientGivesUp.Token);
        await Portal.WaitForFaultAsync(f => f.Kind == FaultKind.SlowAnswer, Patience, CancellationToken.None);
        await clientGivesUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal("sent anyway", Assert.Single(Portal.GetMessages(null)).Text);
    }

    [Fact]
    public async Task Dispose_WhileSlowAnswerPending_DoesNotWaitForIt()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.Faults.FailNext(1, Fault.SlowAnswer(TimeSpan.FromHours(1)));

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), Text("slow"));
        await Portal.WaitForFaultAsync(f => f.Kind == FaultKind.SlowAnswer, Patience, CancellationToken.None);
        await Emulator.DisposeAsync().AsTask().WaitAsync(Patience);

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    private static JsonObject Text(string message) => new() { ["message"] = message };

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
