using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests.Reliability;

/// <summary>
/// A host process is SIGKILLed while it works through a backlog: the replacement answers every message the first one
/// took, once each, in each user's order. (Webhook mode: Bitrix24 does not retry, so no message is sent while no host
/// listens — only what the host acknowledged is its to answer.)
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class KillUnderLoadTests(RedisFixture redis)
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task HostKilledWithABacklog_ReplacementAnswersEveryTakenMessageOnceInOrder(string eventMode)
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = DurableIntakeTests.OnlyEcho(new HostSettings(emulator, redis.Server.ConfigurationString, eventMode));
        var load = new EchoLoad(emulator, users: 15, messagesPerUser: 8);

        await using (var first = HostProcess.Start(settings))
        {
            await WaitForEchoAsync(emulator, eventMode);
            await load.PrepareAsync();
            for (var round = 1; round <= 4; round++)
            {
                await load.SendRoundAsync(round);
            }

            await WaitUntilDeliveredAsync(emulator, eventMode, load.Sent);
            await first.KillAsync();
        }

        await using var second = HostProcess.Start(settings);
        await AnswersAsync(emulator);
        for (var round = 5; round <= 8; round++)
        {
            await load.SendRoundAsync(round);
        }

        await load.AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task WaitForEchoAsync(BitrixEmulator emulator, string eventMode)
    {
        if (eventMode == "webhook")
        {
            await DurableIntakeTests.WaitForWebhookBotAsync(emulator, "echo");
        }
        else
        {
            await emulator.Portal.WaitForCallAsync(c => c.Method == "imbot.v2.Event.get", Waits.Reply, CancellationToken.None);
        }
    }

    // The replacement is up once it answers a probe (a webhook sent before it listens would be lost, as on Bitrix24).
    private static async Task AnswersAsync(BitrixEmulator emulator)
    {
        var chat = new Chat(emulator, "echo");
        for (var attempt = 1; ; attempt++)
        {
            await chat.SayAsync($"probe {attempt}");
            try
            {
                await chat.ExpectAsync($"You said: probe {attempt}", TimeSpan.FromSeconds(2));
                return;
            }
            catch (TimeoutException) when (attempt < 15)
            {
                // Not up yet: try again.
            }
        }
    }

    // Kill only once every webhook POST so far got its answer: a POST cut off by the kill was never acknowledged,
    // and Bitrix24 would drop it too, so it would not be the host's to answer.
    private static async Task WaitUntilDeliveredAsync(BitrixEmulator emulator, string eventMode, int sent)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (eventMode == "webhook"
            && emulator.Portal.WebhookDeliveries.Count(d => d.EventType == "ONIMBOTV2MESSAGEADD" && d.Succeeded) < sent)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
