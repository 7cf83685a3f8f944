using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>A webhook delivery is answered 200 only once it is stored in Redis: Bitrix24 never sends it again.</summary>
[Collection(RedisCollection.Name)]
public sealed class DurableIntakeTests(RedisFixture redis)
{
    private const string MessageSend = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task Webhook_RedisDown_DeliveryIsAnswered503AndNeverHandled()
    {
        await using var ownRedis = await RedisServer.StartAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, ownRedis.ConfigurationString, "webhook");
        await using var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("stored");
        await chat.ExpectAsync("You said: stored");

        await ownRedis.DisposeAsync();
        await chat.SayAsync("lost");

        var delivery = await emulator.Portal.WaitForDeliveryAsync(IsMessage(503), Waits.Reply, CancellationToken.None);
        Assert.Equal(503, delivery.StatusCode);
        Assert.Equal(0, chat.Count("You said: lost"));
    }

    [Fact]
    public async Task Webhook_HostKilledRightAfterTheAck_EventIsAnsweredOnceAfterRestart()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = OnlyEcho(new HostSettings(emulator, redis.Server.ConfigurationString, "webhook"));
        var chat = new Chat(emulator, "echo");

        await using (var first = HostProcess.Start(settings))
        {
            await WaitForWebhookBotAsync(emulator, "echo");
            // The turn is held at its reply: the delivery was acknowledged, but the event is not handled yet.
            using (emulator.Portal.HoldCalls(MessageSend))
            {
                await chat.SayAsync("hello");
                await emulator.Portal.WaitForDeliveryAsync(IsMessage(200), Waits.Reply, CancellationToken.None);
                await emulator.Portal.WaitForHeldCallAsync(MessageSend, Waits.Reply);
                await first.KillAsync();
            }
        }

        await using var second = HostProcess.Start(settings);
        await chat.ExpectAsync("You said: hello");

        Assert.Equal(1, chat.Count("You said: hello"));
    }

    internal static HostSettings OnlyEcho(HostSettings settings) => settings
        .Set("ChatBotHost:Bots:counter:Enabled", "false")
        .Set("ChatBotHost:Bots:helpdesk:Enabled", "false")
        .Set("ChatBotHost:Bots:reminder:Enabled", "false");

    private static Func<WebhookDelivery, bool> IsMessage(int status) =>
        d => d.EventType == "ONIMBOTV2MESSAGEADD" && d.StatusCode == status;

    internal static async Task WaitForWebhookBotAsync(BitrixEmulator emulator, string code)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (emulator.Portal.FindBot(code) is not { EventMode: "webhook", Commands.Count: > 0 })
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
