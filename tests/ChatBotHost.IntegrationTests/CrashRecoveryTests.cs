using System.Globalization;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>Fetch mode across a SIGKILL: every event Bitrix24 delivered gets exactly one reply, in order.</summary>
[Collection(RedisCollection.Name)]
public sealed class CrashRecoveryTests(RedisFixture redis)
{
    private const string EventGet = "imbot.v2.Event.get";
    private const string MessageSend = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task FetchMode_KilledMidPage_RestartNeitherLosesNorRepeatsAReply()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var portal = emulator.Portal;
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, "fetch")
            .Set("ChatBotHost:Bots:counter:Enabled", "false");

        await using (var first = HostProcess.Start(settings))
        {
            await portal.WaitForCallAsync(c => c.Method == EventGet, Waits.Reply, CancellationToken.None);
            var dialog = portal.FindBot("echo")!.Id.ToString(CultureInfo.InvariantCulture);
            await SayAsync(portal, dialog, "m1");
            await SayAsync(portal, dialog, "m2");
            await portal.WaitForBotMessageAsync(m => m.Text == "You said: m2", Waits.Reply, CancellationToken.None);

            // Queue m3..m5 while the poller waits, so they arrive in one page; then let the m3 reply through and
            // hold the m4 reply: the host has answered m3 but Bitrix24 has not been told (no Event.get since).
            using (portal.HoldCalls(EventGet))
            {
                await portal.WaitForHeldCallAsync(EventGet, Waits.Reply);
                await SayAsync(portal, dialog, "m3");
                await SayAsync(portal, dialog, "m4");
                await SayAsync(portal, dialog, "m5");
            }

            using (portal.HoldCalls(MessageSend, letThrough: 1))
            {
                await portal.WaitForHeldCallAsync(MessageSend, Waits.Reply);
                await first.KillAsync();
            }
        }

        await using var second = HostProcess.Start(settings);
        await portal.WaitForBotMessageAsync(m => m.Text == "You said: m5", Waits.Reply, CancellationToken.None);

        var replies = portal.GetMessages(null).Where(m => m.Text.StartsWith("You said:", StringComparison.Ordinal)).Select(m => m.Text).ToArray();
        Assert.Equal(["You said: m1", "You said: m2", "You said: m3", "You said: m4", "You said: m5"], replies);
    }

    private static Task<int> SayAsync(Emulator.Portal.EmulatedPortal portal, string dialog, string text) =>
        portal.SendUserMessageAsync(1, dialog, text);
}
