using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>Collects what a started process prints (stdout and stderr), for waiting on a line and for failure messages.</summary>
internal sealed class ProcessOutput
{
    private readonly List<string> _lines = [];

    public ProcessOutput(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits for a started process to exit (killing it after <paramref name="patience"/>); its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunToExitAsync(Process process, TimeSpan patience, string what)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new ProcessOutput(process);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not exit within {patience.TotalSeconds} s. Its output:{Environment.NewLine}{output}");
        }

        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, output.ToString());
    }

    /// <summary>Waits until a printed line matches, and returns the match.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var match = pattern.Match(ToString());
            if (match.Success)
            {
                return match;
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The process did not print /{pattern}/ within {timeout.TotalSeconds} s. Its output:{Environment.NewLine}{this}");
            }

            await Task.Delay(50);
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
