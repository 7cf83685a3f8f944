using System.Diagnostics;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// A command of the image run on this machine as the container would run it: /app is the host's build output (the
/// image's /app is its publish output, made with the same app host), the working directory is /app (the image's
/// WORKDIR, where appsettings.json is found), and the environment is exactly the given one — nothing of the test run's
/// own leaks in but what finds the .NET runtime.
/// </summary>
internal sealed class ContainerProcess : IAsyncDisposable
{
    private const string AppDirectory = "/app/";

    /// <summary>What a process needs from this machine to start at all; the image's base provides the same.</summary>
    private static readonly string[] MachineVariables = ["PATH", "HOME", "TMPDIR", "DOTNET_ROOT"];

    private readonly Process _process;
    private readonly List<string> _output = [];

    private ContainerProcess(Process process) => _process = process;

    /// <summary>The lines the process printed to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static ContainerProcess Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(OnThisMachine(command[0]))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BuildOutput,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(OnThisMachine(argument));
        }

        info.Environment.Clear();
        foreach (var name in MachineVariables)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var started = new ContainerProcess(process);
        process.OutputDataReceived += (_, e) => started.Record(e.Data);
        process.ErrorDataReceived += (_, e) => started.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs a short command (the HEALTHCHECK's) to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, TimeSpan patience)
    {
        await using var process = Start(command, environment);
        using var timeout = new CancellationTokenSource(patience);
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the redirected output
        return (process._process.ExitCode, string.Join(System.Environment.NewLine, process.Output));
    }

    public string Tail() => string.Join(System.Environment.NewLine, Output.TakeLast(40));

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>src/ChatBotHost/bin/{configuration}/{tfm}/, which holds the app host ChatBotHost next to ChatBotHost.dll.</summary>
    private static string BuildOutput => Path.GetDirectoryName(HostProcess.HostAssemblyPath())!;

    private static string OnThisMachine(string path) =>
        path.StartsWith(AppDirectory, StringComparison.Ordinal) ? Path.Combine(BuildOutput, path[AppDirectory.Length..]) : path;

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
}
