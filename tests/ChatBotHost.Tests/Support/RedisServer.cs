using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatBotHost.Tests.Support;

/// <summary>
/// A real redis-server run as a foreground child process on a free loopback port; without persistence unless asked
/// (durability tests restart it with an append-only file that is fsynced on every write).
/// Depends on nothing but the BCL so other test projects can link this file.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(25);
    private const int MaxOutputLines = 40;

    private readonly string _executable;
    private readonly Queue<string> _output = new();
    private readonly string? _dataDirectory;
    private readonly bool _persistent;
    private readonly bool _clusterNode;
    private readonly IReadOnlyList<string> _extraArguments;
    private Process? _process;

    private RedisServer(string executable, int port, bool persistent, bool clusterNode, IReadOnlyList<string> extraArguments)
    {
        _executable = executable;
        Port = port;
        _persistent = persistent;
        _clusterNode = clusterNode;
        _extraArguments = extraArguments;
        _dataDirectory = persistent || clusterNode ? Directory.CreateTempSubdirectory("cbh-redis-").FullName : null;
    }

    /// <summary>The loopback port the server listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>The process id of the running server (to signal it, e.g. SIGSTOP to make a replica lag).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"redis-server on port {Port} is not running.");

    /// <summary>Whether the server process is alive (not killed or disposed).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConfigurationString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    /// <summary>
    /// Starts a server on a free port and waits until it answers PING. A <paramref name="persistent"/> server keeps an
    /// append-only file (fsync always) in a fresh temporary directory, so <see cref="RestartAsync"/> keeps every write.
    /// A <paramref name="clusterNode"/> runs in cluster mode, its nodes file in such a directory, and holds no slots until
    /// a cluster is created over it (RedisCluster in the unit tests). <paramref name="extraArguments"/> go last on the
    /// command line (e.g. "--cluster-node-timeout", "1000").
    /// </summary>
    public static async Task<RedisServer> StartAsync(bool persistent = false, bool clusterNode = false, IReadOnlyList<string>? extraArguments = null)
    {
        var executable = FindExecutable();
        // The free port is found by binding port 0 and releasing it; someone may grab it in between, so retry.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable, FreePort(), persistent, clusterNode, extraArguments ?? []);
            try
            {
                await server.StartProcessAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Deletes every key.</summary>
    public async Task FlushAsync()
    {
        var reply = await SendAsync("FLUSHALL");
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"FLUSHALL answered '{reply}'.");
        }
    }

    /// <summary>Kills the server at once (SIGKILL, as kill -9: no shutdown, no last words to its replicas).</summary>
    public void Kill() => StopProcess();

    /// <summary>Kills the server and starts it again on the same port (data survives only on a persistent server).</summary>
    public async Task RestartAsync()
    {
        StopProcess();
        await StartProcessAsync();
    }

    /// <summary>Kills the server process and deletes a persistent server's files.</summary>
    public ValueTask DisposeAsync()
    {
        StopProcess();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = _persistent
            ? ["--appendonly", "yes", "--appendfsync", "always", "--dir", _dataDirectory!]
            : ["--appendonly", "no"];
        string[] cluster = _clusterNode
            ? ["--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(_dataDirectory!, "nodes.conf")]
            : [];
        foreach (var argument in (string[])
                 [
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--daemonize", "no", .. persistence, .. cluster, .. _extraArguments,
                 ])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {Port} exited with code {process.ExitCode}:\n{RecentOutput()}");
            }

            try
            {
                if (await SendAsync("PING") == "+PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                // Not listening yet: poll again after a short delay (a readiness wait, bounded by ReadyTimeout).
            }

            await Task.Delay(PollDelay);
        }

        StopProcess();
        throw new InvalidOperationException(
            $"redis-server on port {Port} did not answer PING within {ReadyTimeout.TotalSeconds} s:\n{RecentOutput()}");
    }

    /// <summary>Sends one command in RESP and returns the first line of the reply.</summary>
    private async Task<string> SendAsync(params string[] command)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var request = new StringBuilder().Append('*').Append(command.Length).Append("\r\n");
        foreach (var part in command)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(timeout.Token)
            ?? throw new IOException("redis-server closed the connection without answering.");
    }

    private void StopProcess()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        // Reaping the child here keeps it from lingering as a zombie and frees the port before a restart.
        process.WaitForExit();
        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not on PATH. Install it (Debian/Ubuntu: apt-get install -y redis-server); "
            + "the repository's test command installs it before running the tests.");
    }
}
