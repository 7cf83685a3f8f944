using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A bot with WithUserEvents subscribes, polls with withUserEvents and gets the calling user's ONIMV2* events typed.</summary>
public sealed class UserEventsTests
{
    [Fact]
    public async Task WithUserEvents_MessageTheBotIsNotMentionedIn_ArrivesAsAUserEvent()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, "fetch")
                .Set($"ChatBotHost:Bots:{UserEventsProbeBot.Code}:BotToken", "userevents-token-0123456789abcdef")
                .Set($"ChatBotHost:Bots:{UserEventsProbeBot.Code}:WithUserEvents", "true"),
            typeof(UserEventsProbeBot));
        var bot = emulator.Portal.FindBot(UserEventsProbeBot.Code)!;
        var admin = emulator.Portal.AdminUserId;
        var chat = emulator.Portal.CreateGroupChat("Team", admin);
        await emulator.Portal.AddBotToChatAsync(chat, bot.Id, admin);
        await emulator.Portal.WaitForCallAsync(c => c.Method == "im.v2.Event.subscribe", Waits.Reply, CancellationToken.None);

        // A bot of type "bot" is not told of a group message that does not mention it; the user's own event is.
        var said = await emulator.Portal.SendUserMessageAsync(admin, $"chat{chat}", "no mention here");
        await emulator.Portal.EditUserMessageAsync(admin, said, "edited, still no mention");

        var seen = await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Text.StartsWith("user event: edited", StringComparison.Ordinal), Waits.Reply, CancellationToken.None);
        Assert.Equal("user event: edited to edited, still no mention", seen.Text);
        var first = Assert.Single(emulator.Portal.GetMessages(null), m => m.PostedByBotId == bot.Id && m.Text.Contains("wrote", StringComparison.Ordinal));
        Assert.Equal($"user event: {admin} wrote no mention here", first.Text);
        Assert.True(first.Id < seen.Id);
    }

    [Fact]
    public async Task WithoutUserEvents_NoSubscriptionAndNoUserEvents()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, "fetch").Set($"ChatBotHost:Bots:{UserEventsProbeBot.Code}:BotToken", "userevents-token-0123456789abcdef"),
            typeof(UserEventsProbeBot), typeof(Bots.Echo.EchoBot));
        var admin = emulator.Portal.AdminUserId;
        var echo = emulator.Portal.FindBot("echo")!;

        // The echo's answer shows the message went through the host; the probe saw nothing of it.
        await emulator.Portal.SendUserMessageAsync(admin, echo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "hello");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: hello", Waits.Reply, CancellationToken.None);

        Assert.DoesNotContain(emulator.Portal.Calls, c => c.Method == "im.v2.Event.subscribe");
        Assert.DoesNotContain(emulator.Portal.GetMessages(null), m => m.Text.StartsWith("user event", StringComparison.Ordinal));
    }
}
