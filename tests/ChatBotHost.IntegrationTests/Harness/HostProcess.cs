using System.Diagnostics;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>
/// The host as operators run it: its own process, started from the host project's build output, so a test can
/// kill it with SIGKILL — no shutdown code runs, exactly like a crash.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process) => _process = process;

    public static HostProcess Start(HostSettings settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostAssemblyPath());
        foreach (var argument in settings.AsArguments())
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The process id, which names this replica in the lease owners it writes to Redis.</summary>
    public int Id => _process.Id;

    /// <summary>True when some line the process printed contains the text.</summary>
    public bool Printed(string text)
    {
        lock (_output)
        {
            return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until the process printed a line containing the text.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!Printed(text))
        {
            if (waited.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"The host did not print \"{text}\" within {timeout.TotalSeconds} s. Its output:{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string Tail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(30));
        }
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>src/ChatBotHost/bin/{configuration}/{tfm}/ChatBotHost.dll, in the configuration the tests were built in.</summary>
    internal static string HostAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatBotHost.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? ".", "src", "ChatBotHost", "bin", configuration, framework, "ChatBotHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the host first: {path} is missing.", path);
    }
}
