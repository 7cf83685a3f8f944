using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A supervisor bot is registered as one, sees every group message, and its filter keeps only those addressed to it.</summary>
public sealed class BotTypeTests
{
    [Fact]
    public async Task SupervisorWithAddressedFilter_SeesEveryGroupMessageButAnswersOnlyAMention()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, "webhook")
                .Set($"ChatBotHost:Bots:{SupervisorProbeBot.Code}:BotToken", "supervisor-token-0123456789abcdef")
                .Set($"ChatBotHost:Bots:{SupervisorProbeBot.Code}:EventMode", "webhook"),
            typeof(SupervisorProbeBot));
        var bot = emulator.Portal.FindBot(SupervisorProbeBot.Code)!;
        Assert.Equal("supervisor", bot.Type);
        var admin = emulator.Portal.AdminUserId;
        var chat = emulator.Portal.CreateGroupChat("Team", admin);
        await emulator.Portal.AddBotToChatAsync(chat, bot.Id, admin);

        await emulator.Portal.SendUserMessageAsync(admin, $"chat{chat}", "talking among ourselves");
        await emulator.Portal.SendUserMessageAsync(admin, $"chat{chat}", $"[USER={bot.Id}]Supervisor probe[/USER] your turn");

        await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Text.StartsWith("for me:", StringComparison.Ordinal), Waits.Reply, CancellationToken.None);
        var answered = Assert.Single(emulator.Portal.GetMessages(null), m => m.PostedByBotId == bot.Id);
        Assert.EndsWith("your turn", answered.Text, StringComparison.Ordinal);
        // Both messages reached it (a supervisor sees all); the filter kept the first from its answering route.
        Assert.Equal(2, emulator.Portal.WebhookDeliveries.Count(d => d.BotId == bot.Id && d.EventType == "ONIMBOTV2MESSAGEADD" && d.Succeeded));
    }
}
