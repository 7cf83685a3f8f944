using System.Diagnostics;
using System.Globalization;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// The host (or a yardstick of bench/ChatBotHost.StackFloor) as its own process, started from its Release build output,
/// which the benchmark's project references build, with that folder as working directory, as `dotnet run` and the
/// image run it: its own runtimeconfig.json (GC mode and the other runtime settings of its project) and appsettings apply.
/// Only the process's own resident memory is read; whatever drives it runs in the benchmark's process.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 30;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    // Texts whose first line is kept however much is printed after it (null until it is printed).
    private readonly Dictionary<string, string?> _marked = new(StringComparer.Ordinal);

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Uri BaseUrl { get; private init; } = null!;

    public static HostProcess Start(int port, IReadOnlyDictionary<string, string> environment, params string[] marks) =>
        Start(OutputFolder(Path.Combine("src", "ChatBotHost")), "ChatBotHost.dll", port, environment, marks);

    /// <summary>The yardstick of bench/ChatBotHost.StackFloor (Floor__Stack in the environment says which one).</summary>
    public static HostProcess StartStackFloor(int port, IReadOnlyDictionary<string, string> environment) =>
        Start(OutputFolder(Path.Combine("bench", "ChatBotHost.StackFloor")), "ChatBotHost.StackFloor.dll", port, environment);

    private static HostProcess Start(string output, string assembly, int port, IReadOnlyDictionary<string, string> environment, params string[] marks)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(output, assembly));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process) { BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/") };
        foreach (var mark in marks)
        {
            host._marked[mark] = null;
        }

        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public RssSample Rss() => _process.HasExited
        ? throw new InvalidOperationException($"The host exited ({_process.ExitCode.ToString(CultureInfo.InvariantCulture)}):{Environment.NewLine}{Output()}")
        : RssSample.Read(_process.Id);

    /// <summary>Waits until /health/ready answers 200 (every store and portal reachable).</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited before it was ready:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The host was not ready within {timeout}:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The first line the host printed that contains the text, if it did (kept apart from the last lines).</summary>
    public string? FirstLine(string text)
    {
        lock (_lastLines)
        {
            return _marked.GetValueOrDefault(text);
        }
    }

    public string Output()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            foreach (var text in _marked.Where(m => m.Value is null && line.Contains(m.Key, StringComparison.Ordinal)).Select(m => m.Key).ToList())
            {
                _marked[text] = line;
            }

            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static string OutputFolder(string project)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBotHost.sln")))
            {
                var output = Path.Combine(dir.FullName, project, "bin", "Release", "net10.0");
                return Directory.Exists(output)
                    ? output
                    : throw new DirectoryNotFoundException($"{project} is not built in Release: {output}");
            }
        }

        throw new DirectoryNotFoundException("ChatBotHost.sln not found above the benchmark.");
    }
}
