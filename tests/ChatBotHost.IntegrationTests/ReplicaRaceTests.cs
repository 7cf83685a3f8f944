using System.Globalization;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// Two replicas serve the same bot: one polls it, and the workers of both claim from the shared inbox. A dialog is
/// claimed by one worker at a time, so its events run once each, one at a time and in order, whichever replica runs
/// them, and the checked state writes lose no update.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ReplicaRaceTests(RedisFixture redis)
{
    [Fact]
    public async Task Counter_TwoReplicasRaceOnOneDialog_EveryMessageCountedOnceInOrder()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var redisConfiguration = redis.Server.ConfigurationString;
        var chat = new Chat(emulator, "counter");
        const int messages = 12;

        await using var first = await InProcessHost.StartAsync(new HostSettings(emulator, redisConfiguration, "fetch"), typeof(CounterBot));
        await using var second = await InProcessHost.StartAsync(new HostSettings(emulator, redisConfiguration, "fetch"), typeof(CounterBot));
        for (var i = 1; i <= messages; i++)
        {
            await chat.SayAsync($"m{i}");
        }

        await chat.ExpectAsync($"Message #{messages.ToString(CultureInfo.InvariantCulture)} in this dialog.");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var counts = chat.BotMessages.Select(m => m.Text).Where(t => t.StartsWith("Message #", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Enumerable.Range(1, messages).Select(i => $"Message #{i} in this dialog."), counts);
    }
}
