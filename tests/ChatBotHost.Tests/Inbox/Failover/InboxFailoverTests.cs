using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatBotHost.Inbox;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ChatBotHost.Tests.Inbox.Failover;

/// <summary>
/// Failover without loss (issue 15, item 3): webhook events stream into an inbox on a six-node cluster (three primaries,
/// one replica each, cluster-node-timeout 1 s), the primary holding the inbox is killed with SIGKILL, its replica is
/// promoted, and every event that was acknowledged is looked for on the new primary. Without WaitForReplicas an
/// acknowledgement means "the primary has it"; with it, "a replica has it too". The figures are in docs/failover.md.
/// </summary>
/// <remarks>
/// On loopback a replica is microseconds behind, so a plain kill rarely catches an acknowledged write in flight; the
/// lagging runs freeze the replica (SIGSTOP, as a stalled host or a slow link would) while events keep coming, then
/// kill the primary and let the replica resume: what the primary acknowledged meanwhile and had not sent is gone.
/// </remarks>
public sealed class InboxFailoverTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public async Task PrimaryKilledUnderLoad_CountsTheAcknowledgedEventsLost_NoneWithWaitForReplicas(int waitForReplicas, bool replicaLags)
    {
        await using var cluster = await RedisCluster.StartAsync(replicasPerPrimary: 1, nodeTimeout: NodeTimeout);
        var keys = new RedisKeys();
        var portal = TestPortals.Unique();
        await using var connection = new RedisConnection(cluster.ConfigurationString);
        var writer = new InboxWriter(
            new RedisInboxStore(connection, keys),
            new InboxSignal(),
            TimeProvider.System,
            new RedisInboxReplication(connection, keys, waitForReplicas, TimeSpan.FromMilliseconds(500)));
        var primaryPort = await PrimaryPortOfAsync(connection, keys.InboxReady(portal));
        var replicaPort = await RedisCluster.ReplicaPortOfAsync(primaryPort);

        long acknowledgedAtKill;
        long refusedBeforeKill;
        await using (var load = new InboxLoad(writer, portal, Writers, payloadBytes: replicaLags ? 16 * 1024 : 1024))
        {
            var warmUp = Stopwatch.StartNew();
            await load.UntilAsync(() => load.Acknowledged >= 300, StepTimeout);
            warmUp.Stop();
            if (replicaLags)
            {
                await RedisCluster.SignalAsync(cluster.NodeAt(replicaPort), "STOP");
                var (acknowledged, refused) = (load.Acknowledged, load.Refused);
                // Enough to overflow the socket buffers between the two (what is in them still reaches the replica),
                // or, with WAIT, a refusal for every writer.
                await load.UntilAsync(() => load.Acknowledged >= acknowledged + 1000 || load.Refused >= refused + Writers, StepTimeout);
            }

            (acknowledgedAtKill, refusedBeforeKill) = (load.Acknowledged, load.Refused);
            cluster.NodeAt(primaryPort).Kill();
            if (replicaLags)
            {
                await RedisCluster.SignalAsync(cluster.NodeAt(replicaPort), "CONT");
            }

            await cluster.WaitForPromotionAsync(replicaPort, StepTimeout);
            await load.StopAsync();

            var stored = await StoredEventsAsync(cluster, keys, portal);
            var lost = load.AcknowledgedEvents.Where(sequence => !stored.Contains(sequence)).ToList();
            output.WriteLine(
                $"WaitForReplicas={waitForReplicas}, replica lagging={replicaLags}: the first 300 acknowledged in {warmUp.ElapsedMilliseconds} ms; {acknowledgedAtKill} acknowledged when the kill began "
                + $"({refusedBeforeKill} refused), {load.Acknowledged} in all ({load.Refused} refused); after the failover "
                + $"{lost.Count} acknowledged events are missing"
                + (lost.Count == 0 ? "." : $" (events {lost.Min()} to {lost.Max()}; the newest stored is {stored.DefaultIfEmpty().Max()})."));

            Assert.True(acknowledgedAtKill >= 300);
            if (waitForReplicas > 0)
            {
                Assert.Empty(lost);
                // While the replica was frozen nothing could be confirmed: the writers were refused (503), not lost.
                Assert.True(!replicaLags || refusedBeforeKill >= Writers);
            }
        }
    }

    private static async Task<int> PrimaryPortOfAsync(RedisConnection connection, RedisKey key)
    {
        var multiplexer = await connection.GetConnectedMultiplexerAsync(CancellationToken.None);
        return ((IPEndPoint)multiplexer.GetServer(key).EndPoint).Port;
    }

    // Read with a fresh client, which learns the slot map after the failover from the nodes still alive.
    private static async Task<HashSet<long>> StoredEventsAsync(RedisCluster cluster, RedisKeys keys, string portal)
    {
        var live = string.Join(",", cluster.Nodes.Where(node => node.IsRunning).Select(node => $"127.0.0.1:{node.Port}"));
        await using var reader = await ConnectionMultiplexer.ConnectAsync(live);
        var database = reader.GetDatabase();
        var stored = new HashSet<long>();
        for (var dialog = 0; dialog < InboxLoad.Dialogs; dialog++)
        {
            foreach (var entry in await database.ListRangeAsync(keys.InboxQueue(portal, InboxLoad.BotCode, $"d{dialog}")))
            {
                using var json = JsonDocument.Parse((string)entry!);
                stored.Add(InboxLoad.SequenceOf(json.RootElement.GetProperty("payload").GetString()!));
            }
        }

        return stored;
    }
}
