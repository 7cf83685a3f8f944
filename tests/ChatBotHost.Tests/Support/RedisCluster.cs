using System.Diagnostics;
using System.Globalization;

namespace ChatBotHost.Tests.Support;

/// <summary>
/// A Redis Cluster of three primaries on loopback, each with or without one replica, made of <see cref="RedisServer"/>
/// cluster nodes and joined by <c>redis-cli --cluster create</c>, which splits the 16,384 hash slots between the
/// primaries and gives each primary one of the other nodes as its replica.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    /// <summary>A StackExchange.Redis configuration string naming every node.</summary>
    public string ConfigurationString =>
        string.Join(",", _nodes.Select(node => "127.0.0.1:" + node.Port.ToString(CultureInfo.InvariantCulture))) + ",abortConnect=false";

    /// <summary>Every node, primaries and replicas (after a failover their roles may have changed).</summary>
    public IReadOnlyList<RedisServer> Nodes => _nodes;

    /// <summary>
    /// Starts three primaries (and <paramref name="replicasPerPrimary"/> replicas each), creates the cluster and waits
    /// until every node reports it ready and every replica is in sync. <paramref name="nodeTimeout"/> is
    /// cluster-node-timeout: how long a node may not answer before it is failed over (Redis' default is 15 s).
    /// </summary>
    public static async Task<RedisCluster> StartAsync(int replicasPerPrimary = 0, TimeSpan? nodeTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicasPerPrimary);
        string[] arguments = nodeTimeout is { } timeout
            ? ["--cluster-node-timeout", ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]
            : [];
        var cluster = new RedisCluster([]);
        try
        {
            for (var i = 0; i < 3 * (1 + replicasPerPrimary); i++)
            {
                cluster._nodes.Add(await RedisServer.StartAsync(clusterNode: true, extraArguments: arguments));
            }

            await RedisCliAsync([
                "--cluster", "create", .. cluster._nodes.Select(n => $"127.0.0.1:{n.Port}"),
                "--cluster-replicas", replicasPerPrimary.ToString(CultureInfo.InvariantCulture), "--cluster-yes",
            ]);
            await cluster.WaitUntilReadyAsync();
            await cluster.WaitUntilReplicasInSyncAsync(replicasPerPrimary);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills every node.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>The node listening on <paramref name="port"/>.</summary>
    public RedisServer NodeAt(int port) => _nodes.Single(node => node.Port == port);

    /// <summary>The port of the replica of the primary on <paramref name="primaryPort"/> (from its INFO replication).</summary>
    public static async Task<int> ReplicaPortOfAsync(int primaryPort)
    {
        var info = await RedisCliAsync(["-p", primaryPort.ToString(CultureInfo.InvariantCulture), "info", "replication"]);
        var line = info.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("slave0:", StringComparison.Ordinal));
        var port = line.Split(',').First(part => part.StartsWith("port=", StringComparison.Ordinal));
        return int.Parse(port["port=".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Sends a signal to a node's process (STOP freezes it, as a stalled host or network would; CONT resumes it).</summary>
    public static async Task SignalAsync(RedisServer node, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, node.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>
    /// Waits until the node on <paramref name="port"/> is a primary and every live node sees the cluster ok again: after a
    /// primary was killed, its replica is promoted once the others have not heard from it for cluster-node-timeout.
    /// </summary>
    public async Task WaitForPromotionAsync(int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!(await RedisCliAsync(["-p", port.ToString(CultureInfo.InvariantCulture), "role"])).StartsWith("master", StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"The replica on port {port} was not promoted within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }

        await WaitUntilReadyAsync(_nodes.Where(node => node.IsRunning));
    }

    // A replica that has not finished its first sync would be promoted without the data: tests start from replicas that
    // are online and have everything their primary has.
    // Both sides: a replica reports its sync done a moment before its primary counts it online (the primary waits for
    // the replica's first acknowledgement), and until then WAIT on that primary does not count it.
    private async Task WaitUntilReplicasInSyncAsync(int replicasPerPrimary)
    {
        foreach (var node in _nodes)
        {
            await WaitUntilInSyncAsync(node);
        }

        foreach (var node in _nodes)
        {
            await WaitUntilReplicasOnlineAsync(node, replicasPerPrimary);
        }
    }

    private static async Task WaitUntilReplicasOnlineAsync(RedisServer node, int replicas)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var info = await RedisCliAsync(["-p", node.Port.ToString(CultureInfo.InvariantCulture), "info", "replication"]);
            var online = info.Split('\n').Count(line => line.StartsWith("slave", StringComparison.Ordinal) && line.Contains("state=online", StringComparison.Ordinal));
            if (!info.Contains("role:master", StringComparison.Ordinal) || online == replicas)
            {
                return;
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException($"The primary on port {node.Port} did not count {replicas} replica(s) online within {ReadyTimeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="node"/>, if it is a replica, has its link to its primary up and its first sync done.</summary>
    public static async Task WaitUntilInSyncAsync(RedisServer node)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var info = await RedisCliAsync(["-p", node.Port.ToString(CultureInfo.InvariantCulture), "info", "replication"]);
            if (!info.Contains("role:slave", StringComparison.Ordinal)
                || (info.Contains("master_link_status:up", StringComparison.Ordinal) && info.Contains("master_sync_in_progress:0", StringComparison.Ordinal)))
            {
                return;
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException($"The replica on port {node.Port} did not sync within {ReadyTimeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    // The slots are assigned at once, but each node learns the others' by gossip: a client connecting before that
    // would be sent MOVED to nodes it cannot place yet.
    private Task WaitUntilReadyAsync() => WaitUntilReadyAsync(_nodes);

    private static async Task WaitUntilReadyAsync(IEnumerable<RedisServer> nodes)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var node in nodes)
        {
            while (!(await RedisCliAsync(["-p", node.Port.ToString(CultureInfo.InvariantCulture), "cluster", "info"])).Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                if (deadline.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException($"The cluster did not become ready within {ReadyTimeout.TotalSeconds} s.");
                }

                await Task.Delay(100);
            }
        }
    }

    private static async Task<string> RedisCliAsync(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', startInfo.ArgumentList)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
