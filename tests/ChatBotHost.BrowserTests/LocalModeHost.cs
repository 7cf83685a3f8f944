using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatBotHost.BrowserTests;

/// <summary>
/// The host as a newcomer runs it: its own process, nothing configured (local mode: built-in emulator, in-memory state),
/// Development settings as `dotnet run` uses them. The chat page's URL is read from what the host prints at start-up.
/// </summary>
internal sealed partial class LocalModeHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<Uri> _chatPage = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalModeHost(Process process) => _process = process;

    public static async Task<(LocalModeHost Host, Uri ChatPage)> StartAsync(TimeSpan timeout, params string[] settings)
    {
        var projectDir = Path.Combine(RepositoryRoot(), "src", "ChatBotHost");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir, // the content root, as with dotnet run: appsettings.Development.json applies
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostAssemblyPath(projectDir));
        info.ArgumentList.Add("--urls=http://127.0.0.1:0"); // any free port: the printed URL must name the real one
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The host process did not start.");
        var host = new LocalModeHost(process);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return (host, await host._chatPage.Task.WaitAsync(timeout));
        }
        catch (TimeoutException)
        {
            var tail = host.Tail();
            await host.DisposeAsync();
            throw new TimeoutException($"The host printed no chat page URL within {timeout.TotalSeconds} s. Its output:{Environment.NewLine}{tail}");
        }
    }

    public string Tail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(40));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (ChatPageLine().Match(line) is { Success: true } match)
        {
            _chatPage.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBotHost.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("ChatBotHost.sln not found above the test's output directory.");
    }

    /// <summary>The host's build output in the configuration and framework the tests were built with.</summary>
    private static string HostAssemblyPath(string projectDir)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(projectDir, "bin", testOutput.Parent!.Name, testOutput.Name, "ChatBotHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the host first: {path} is missing.", path);
    }

    [GeneratedRegex(@"Chat with the bots in your browser: (?<url>http\S+)")]
    private static partial Regex ChatPageLine();
}
