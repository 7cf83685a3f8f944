using System.Globalization;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

[Collection(RedisCollection.Name)]
public sealed class CounterBotTests(RedisFixture redis)
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task Count_IsKeptPerDialogInRedisAndSurvivesAHostRestart(string eventMode)
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, eventMode);
        var second = emulator.Portal.AddUser("Anna", "Lee");

        await using (var host = await InProcessHost.StartAsync(settings, typeof(CounterBot)))
        {
            var botId = emulator.Portal.FindBot("counter")!.Id.ToString(CultureInfo.InvariantCulture);
            await SayAndExpectAsync(emulator, 1, botId, "Message #1 in this dialog.");
            await SayAndExpectAsync(emulator, 1, botId, "Message #2 in this dialog.");
            await SayAndExpectAsync(emulator, second.Id, botId, "Message #1 in this dialog.");
        }

        await using (var restarted = await InProcessHost.StartAsync(settings, typeof(CounterBot)))
        {
            var botId = emulator.Portal.FindBot("counter")!.Id.ToString(CultureInfo.InvariantCulture);
            await SayAndExpectAsync(emulator, 1, botId, "Message #3 in this dialog.");
        }

        Assert.Single(emulator.Portal.Bots);
    }

    private static async Task SayAndExpectAsync(BitrixEmulator emulator, int userId, string botDialog, string expected)
    {
        var before = emulator.Portal.GetMessages(userId, botDialog).Count;
        await emulator.Portal.SendUserMessageAsync(userId, botDialog, "hello");
        var reply = await emulator.Portal.WaitForBotMessageAsync(
            m => m.Text.StartsWith("Message #", StringComparison.Ordinal) && emulator.Portal.GetMessages(userId, botDialog).Count > before + 1,
            Waits.Reply,
            CancellationToken.None);
        Assert.Equal(expected, emulator.Portal.GetMessages(userId, botDialog)[^1].Text);
        Assert.NotNull(reply);
    }
}
