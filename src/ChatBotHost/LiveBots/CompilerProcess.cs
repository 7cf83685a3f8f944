using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace ChatBotHost.LiveBots;

/// <summary>
/// Runs <see cref="CompileBotsCommand"/> in a short-lived child process: the host's own entry point with the hidden
/// verb, so Roslyn (about 80 MB resident for the rest of a process's life, even in a collectible context) never loads
/// into the serving host. A child that fails to start, crashes, prints nothing sensible or outlives its time limit
/// fails every unit it carried, like a compile error; it is killed when the host stops.
/// </summary>
internal sealed class CompilerProcess(Func<ProcessStartInfo> command, TimeSpan timeLimit) : IDisposable
{
    /// <summary>Far above a cold compile of many units on a loaded machine; a hung child must not hold a reload forever.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    // Only what starting .NET needs: the child gets no ChatBotHost__* settings, tokens or the host's GC limits.
    private static readonly string[] PassedVariables =
        ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "USERPROFILE", "SystemRoot", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64"];

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// The host itself with the verb: its apphost when the host runs as one (the image), else ChatBotHost.dll through
    /// the same dotnet muxer (dotnet run, tests), else DOTNET_HOST_PATH, else dotnet on PATH.
    /// </summary>
    public static ProcessStartInfo HostCommand()
    {
        var assembly = typeof(CompilerProcess).Assembly.Location;
        var apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        var current = Environment.ProcessPath;
        ProcessStartInfo info;
        if (current is not null && string.Equals(Path.GetFullPath(current), apphost, StringComparison.Ordinal))
        {
            info = new ProcessStartInfo(current);
        }
        else
        {
            var muxer = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath
                : "dotnet";
            info = new ProcessStartInfo(muxer);
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(assembly);
        }

        info.ArgumentList.Add(CompileBotsCommand.Verb);
        info.Environment.Clear();
        foreach (var name in PassedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    /// <summary>Compiles the request's units in one child run; an outcome for every unit, whatever happens to the child.</summary>
    public async Task<IReadOnlyList<CompileOutcome>> RunAsync(CompileRequest request, CancellationToken cancellationToken)
    {
        var info = command();
        info.RedirectStandardInput = info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return Failed(request, $"the compiler process did not start: {ex.Message}");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        limit.CancelAfter(timeLimit);
        await using var kill = limit.Token.Register(() => Kill(process));
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, CompileJson.Default.CompileRequest));
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child is gone already: its exit code and standard error say why.
        }

        await process.WaitForExitAsync(CancellationToken.None);
        var (stdout, stderr) = (await output, await errors);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit.IsCancellationRequested)
        {
            return Failed(request, _stopping.IsCancellationRequested
                ? "the host is stopping"
                : $"the compiler process did not finish within {timeLimit.TotalSeconds:0} s and was stopped");
        }

        var outcomes = process.ExitCode == 0 ? Parse(stdout) : null;
        if (outcomes is null)
        {
            var why = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
            return Failed(request, $"the compiler process failed (exit code {process.ExitCode}): {why[..Math.Min(why.Length, 500)]}");
        }

        return [.. request.Units.Select(job => outcomes.FirstOrDefault(o => o.Name == job.Name)
            ?? new CompileOutcome(job.Name, false, [new BotDiagnostic(job.Name, 0, 0, "the compiler process reported nothing for this unit")]))];
    }

    /// <summary>Host shutdown: kills a child still compiling.</summary>
    public void Dispose() => _stopping.Cancel();

    private static IReadOnlyList<CompileOutcome>? Parse(string stdout)
    {
        try
        {
            return JsonSerializer.Deserialize(stdout, CompileJson.Default.IReadOnlyListCompileOutcome);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<CompileOutcome> Failed(CompileRequest request, string why) =>
        [.. request.Units.Select(job => new CompileOutcome(job.Name, false, [new BotDiagnostic(job.Name, 0, 0, $"Not compiled: {why}.")]))];

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Exited meanwhile.
        }
    }
}
