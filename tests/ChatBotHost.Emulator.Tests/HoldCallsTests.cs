using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class HoldCallsTests : EmulatorTest
{
    private const string Send = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task HeldCall_ClientDisconnects_CallIsDroppedUnapplied()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        using var hold = Portal.HoldCalls(Send);
        using var clientGivesUp = new CancellationTokenSource();

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "lost" }, clientGivesUp.Token);
        await Portal.WaitForHeldCallAsync(Send, Patience);
        await clientGivesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var dropped = await Portal.WaitForCallAsync(c => c.Method == Send, Patience, CancellationToken.None);
        hold.Dispose();

        Assert.Equal(RecordedCall.ClientClosedRequest, dropped.StatusCode);
        Assert.Empty(Portal.GetMessages(null));
        var after = await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "kept" });
        after.Ok();
        Assert.Equal("kept", Assert.Single(Portal.GetMessages(null)).Text);
    }

    [Fact]
    public async Task HeldCall_Released_IsAnsweredNormally()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var hold = Portal.HoldCalls(Send);

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "late" });
        await Portal.WaitForHeldCallAsync(Send, Patience);
        Assert.False(pending.IsCompleted);
        Assert.Empty(Portal.GetMessages(null));
        hold.Dispose();

        (await pending).Ok();
        Assert.Equal("late", Assert.Single(Portal.GetMessages(null)).Text);
    }

    [Fact]
    public async Task HoldOnSubCallMethod_HoldsTheWholeBatch()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        using var hold = Portal.HoldCalls(Send);

        var pending = Client.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonObject { ["m"] = $"{Send}?botId={botId}&botToken={Token}&dialogId={Admin}&fields[message]=x" },
        });
        await Portal.WaitForHeldCallAsync(Send, Patience);
        hold.Dispose();

        (await pending).Ok();
        Assert.Single(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Dispose_WhileCallHeld_DropsItWithoutWaiting()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        Portal.HoldCalls(Send); // never released: disposal must not hang on it

        var pending = Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "lost" });
        await Portal.WaitForHeldCallAsync(Send, Patience);
        await Emulator.DisposeAsync().AsTask().WaitAsync(Patience);

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task OtherMethods_AreNotHeld()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        using var hold = Portal.HoldCalls(Send);

        var answer = await Client.EventGetAsync(botId, Token);

        Assert.NotNull(answer["events"]);
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
