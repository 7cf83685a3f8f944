using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests;

/// <summary>A stopping host takes no new events but lets the turns it is running finish.</summary>
public sealed class GracefulShutdownTests
{
    private const string MessageSend = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task Stop_TurnInFlight_RefusesNewDeliveriesAndFinishesTheTurn()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        var chat = new Chat(emulator, "echo");
        // The first message also opens the chat, whose greeting is a turn of its own.
        await chat.SayAsync("hi");
        await chat.ExpectAsync("You said: hi");
        Task stopping;
        using (emulator.Portal.HoldCalls(MessageSend))
        {
            await chat.SayAsync("before");
            await emulator.Portal.WaitForHeldCallAsync(MessageSend, Waits.Reply);

            stopping = host.StopAsync();
            await chat.SayAsync("during");
            var refused = await emulator.Portal.WaitForDeliveryAsync(d => !d.Succeeded, Waits.Reply, CancellationToken.None);

            Assert.NotEqual(200, refused.StatusCode);
            Assert.False(stopping.IsCompleted);
        }

        await stopping.WaitAsync(Waits.Reply);
        Assert.Equal(1, chat.Count("You said: before"));
        Assert.Equal(0, chat.Count("You said: during"));
    }
}
