using System.Diagnostics;
using System.Globalization;

namespace ChatBotHost.Tests.Support;

/// <summary>
/// A Redis Cluster of three primaries (no replicas) on loopback, made of <see cref="RedisServer"/> cluster nodes and
/// joined by <c>redis-cli --cluster create</c>, which splits the 16,384 hash slots between them.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    /// <summary>A StackExchange.Redis configuration string naming every node.</summary>
    public string ConfigurationString =>
        string.Join(",", _nodes.Select(node => "127.0.0.1:" + node.Port.ToString(CultureInfo.InvariantCulture))) + ",abortConnect=false";

    /// <summary>Starts three nodes, creates the cluster and waits until every node reports it ready.</summary>
    public static async Task<RedisCluster> StartAsync()
    {
        var cluster = new RedisCluster([]);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                cluster._nodes.Add(await RedisServer.StartAsync(clusterNode: true));
            }

            await RedisCliAsync(["--cluster", "create", .. cluster._nodes.Select(n => $"127.0.0.1:{n.Port}"), "--cluster-replicas", "0", "--cluster-yes"]);
            await cluster.WaitUntilReadyAsync();
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

    // The slots are assigned at once, but each node learns the others' by gossip: a client connecting before that
    // would be sent MOVED to nodes it cannot place yet.
    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        foreach (var node in _nodes)
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
