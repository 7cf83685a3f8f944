using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Operations.Cli;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>
/// A newcomer's second terminal: with no portal configured, the management commands are answered by the local-mode host
/// that is running (its emulator, its in-memory state), each process as a user starts it.
/// </summary>
public sealed partial class CliLocalModeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Each test its own channel directory, as another user's or another session's would be.
    private readonly string _runtimeDirectory = Directory.CreateTempSubdirectory("cbh-cli-").FullName;

    [Fact]
    public async Task Commands_LocalHostRunning_AnswerFromItsEmulatorAndState()
    {
        using var host = Start(HostProcess.HostAssemblyPath(), "--urls=http://127.0.0.1:0", "--ChatBotHost:LocalMode=true");
        var hostOutput = new ProcessOutput(host);
        try
        {
            var registered = await hostOutput.WaitForAsync(RegisteredEcho(), Patience);
            await hostOutput.WaitForAsync(new Regex("are answered at"), Patience);

            var (listExit, list) = await RunCliAsync("bots", "list");
            var (statusExit, status) = await RunCliAsync("inbox", "status");
            var (lettersExit, letters) = await RunCliAsync("deadletters", "list");

            var echoId = registered.Groups["id"].Value;
            var portal = registered.Groups["portal"].Value;
            Assert.Equal(0, listExit);
            // The stored id is the running host's own (in-memory) registration: a process of its own would know none.
            Assert.Matches($@"echo\s+yes\s+fetch\s+{Regex.Escape(portal)}\s+{echoId}\s+registered, id {echoId}, fetch mode", list);
            Assert.Contains($"answered by the running host (process {host.Id})", list, StringComparison.Ordinal);
            Assert.Equal(0, statusExit);
            Assert.Matches($@"{Regex.Escape(portal)}\s+\d+\s+0", status);
            Assert.Equal(0, lettersExit);
            Assert.Contains("reason", letters, StringComparison.Ordinal);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Commands_NoPortalAndNoLocalHost_ExitWith1AndSayHowToStartOne()
    {
        var (exit, output) = await RunCliAsync("bots", "list");

        Assert.Equal(1, exit);
        Assert.Contains("no local-mode host is running", output, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/ChatBotHost", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_SocketOfAHostThatDied_IsSkippedAndRemoved()
    {
        var directory = Path.Combine(_runtimeDirectory, "chatbothost");
        LocalCommandChannel.EnsurePrivateDirectory(directory);
        var stale = Path.Combine(directory, "999999999-deadbeef.sock"); // no such process
        await File.WriteAllTextAsync(stale, "");

        var (exit, output) = await RunCliAsync("inbox", "status");

        Assert.Equal(1, exit);
        Assert.Contains("no local-mode host is running", output, StringComparison.Ordinal);
        Assert.False(File.Exists(stale));
    }

    public void Dispose() => Directory.Delete(_runtimeDirectory, recursive: true);

    [GeneratedRegex(@"Bot echo \(id (?<id>\d+)\) registered on (?<portal>\S+) in")]
    private static partial Regex RegisteredEcho();

    private async Task<(int Exit, string Output)> RunCliAsync(params string[] command)
    {
        using var process = Start(HostProcess.HostAssemblyPath(), command);
        return await ProcessOutput.RunToExitAsync(process, Patience, $"'{string.Join(' ', command)}'");
    }

    private Process Start(string assembly, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing inherited from the test run may configure a portal; both processes meet in this test's directory.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ChatBotHost", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["XDG_RUNTIME_DIR"] = _runtimeDirectory;
        return Process.Start(info) ?? throw new InvalidOperationException("The process did not start.");
    }
}
