using System.Diagnostics;
using ChatBotHost.LiveBots;

namespace ChatBotHost.Tests.LiveBots;

/// <summary>
/// The compiler child process: a batch of units compiled for real by the host's own entry point; a child that crashes,
/// prints nonsense or hangs fails the units it carried like a compile error; no setting of the host reaches it.
/// </summary>
public sealed class CompilerProcessTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("chatbothost-child-");

    [Fact]
    public async Task Run_HostEntryPoint_CompilesTheBatchAndReportsErrorsWithPositions()
    {
        using var process = new CompilerProcess(CompilerProcess.HostCommand, CompilerProcess.DefaultTimeLimit);
        var request = Request(("Good.cs", "public sealed class Good { public int Value => 1; }"), ("Bad.cs", "public sealed class Bad { public int Value => nope; }"));

        var outcomes = await process.RunAsync(request, CancellationToken.None);

        Assert.Equal([true, false], outcomes.Select(o => o.Success));
        Assert.True(File.Exists(request.Units[0].Output));
        Assert.False(File.Exists(request.Units[1].Output));
        var error = Assert.Single(outcomes[1].Errors);
        Assert.Equal(("Bad.cs", 1), (error.File, error.Line));
        Assert.Contains("CS0103", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChildCrashes_EveryUnitFailsWithTheExitCodeAndFirstErrorLine()
    {
        using var process = new CompilerProcess(() => Shell("cat >/dev/null; echo 'Unhandled exception. boom' >&2; exit 134"), CompilerProcess.DefaultTimeLimit);

        var outcomes = await process.RunAsync(Request(("A.cs", ""), ("B.cs", "")), CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Success));
        Assert.Equal(["A.cs", "B.cs"], outcomes.Select(o => o.Name));
        Assert.All(outcomes, o => Assert.Contains("exit code 134): Unhandled exception. boom", Assert.Single(o.Errors).Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ChildPrintsNoOutcomes_TheUnitFails()
    {
        using var process = new CompilerProcess(() => Shell("cat >/dev/null; echo not json"), CompilerProcess.DefaultTimeLimit);

        var outcome = Assert.Single(await process.RunAsync(Request(("A.cs", "")), CancellationToken.None));

        Assert.False(outcome.Success);
        Assert.Contains("the compiler process failed", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChildOutlivesItsTimeLimit_IsKilledAndTheUnitFails()
    {
        using var process = new CompilerProcess(() => Shell("exec sleep 600"), TimeSpan.FromMilliseconds(300));
        var waited = Stopwatch.StartNew();

        var outcome = Assert.Single(await process.RunAsync(Request(("A.cs", "")), CancellationToken.None));

        Assert.False(outcome.Success);
        Assert.Contains("did not finish within", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the child was not killed");
    }

    [Fact]
    public async Task Run_HostStops_TheChildIsKilled()
    {
        var process = new CompilerProcess(() => Shell("exec sleep 600"), CompilerProcess.DefaultTimeLimit);
        var running = process.RunAsync(Request(("A.cs", "")), CancellationToken.None);

        process.Dispose();
        var outcome = Assert.Single(await running.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("the host is stopping", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostCommand_PassesNoHostSettingsToTheChild()
    {
        const string Secret = "ChatBotHost__Bots__childtest__BotToken";
        Environment.SetEnvironmentVariable(Secret, "not-for-the-child");
        try
        {
            var info = CompilerProcess.HostCommand();

            Assert.DoesNotContain(info.Environment.Keys, key => key.StartsWith("ChatBotHost", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("PATH", info.Environment.Keys);
            Assert.Equal(CompileBotsCommand.Verb, info.ArgumentList[^1]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Secret, null);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static ProcessStartInfo Shell(string script) => new("/bin/sh") { ArgumentList = { "-c", script } };

    private CompileRequest Request(params (string File, string Source)[] units)
    {
        foreach (var (file, source) in units)
        {
            File.WriteAllText(Path.Combine(_root.FullName, file), source);
        }

        return new CompileRequest(_root.FullName, [.. units.Select(u => new CompileJob(
            u.File, $"LiveBot.{Path.GetFileNameWithoutExtension(u.File)}", [Path.Combine(_root.FullName, u.File)], Path.Combine(_root.FullName, $"{u.File}.dll")))]);
    }
}
