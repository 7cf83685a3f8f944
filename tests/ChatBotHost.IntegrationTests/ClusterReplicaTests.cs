using System.Globalization;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// Two replicas share a three-primary Redis Cluster and the emulated portal. One conversation with the counter bot
/// crosses them: the first replica alone answers its start, both race on its middle, the second alone answers its end.
/// The count lives in the dialog state, so each answer shows that every earlier message was handled exactly once and
/// before it, whichever replica (and whichever cluster node the dialog's keys live on) handled it.
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterReplicaTests(RedisClusterFixture cluster)
{
    [Fact]
    public async Task Counter_ConversationCrossesTwoReplicasOnACluster_EveryMessageAnsweredOnceInOrder()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var chat = new Chat(emulator, "counter");
        var said = 0;

        await using (var first = await StartReplicaAsync(emulator))
        {
            said = await SayAsync(chat, said, 4);

            await using var second = await StartReplicaAsync(emulator);
            said = await SayAsync(chat, said, 8);
            await first.StopAsync();

            // The first replica is gone: the second takes over polling (its lease) and the dialog's state from the cluster.
            said = await SayAsync(chat, said, 4);
        }

        var counts = chat.BotMessages.Select(m => m.Text).Where(t => t.StartsWith("Message #", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, said).Select(Answer), counts);
    }

    private Task<InProcessHost> StartReplicaAsync(BitrixEmulator emulator) =>
        InProcessHost.StartAsync(new HostSettings(emulator, cluster.ConfigurationString, "fetch"), typeof(CounterBot));

    // Says the next messages without waiting between them (so two live replicas race on them), then waits for the last answer.
    private static async Task<int> SayAsync(Chat chat, int said, int more)
    {
        for (var i = said + 1; i <= said + more; i++)
        {
            await chat.SayAsync($"m{i}");
        }

        await chat.ExpectAsync(Answer(said + more));
        return said + more;
    }

    private static string Answer(int n) => $"Message #{n.ToString(CultureInfo.InvariantCulture)} in this dialog.";
}
