using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatBotHost.BrowserTests.WebDriver;

/// <summary>chromedriver as a child process on a free loopback port; disposing kills it (and the browsers it started).</summary>
public sealed class ChromeDriverProcess : IDisposable
{
    private const string InstallHint = "Install Debian's chromium and chromium-driver packages (bash tests/run.sh does it with apt-get).";
    private readonly Process _process;

    private ChromeDriverProcess(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    public static async Task<ChromeDriverProcess> StartAsync(TimeSpan timeout)
    {
        var driver = Locate("chromedriver") ?? throw new InvalidOperationException($"chromedriver was not found on PATH. {InstallHint}");
        if (Browser() is null)
        {
            throw new InvalidOperationException($"chromium was not found on PATH. {InstallHint}");
        }

        var port = FreePort();
        var info = new ProcessStartInfo(driver, [$"--port={port}", "--allowed-ips=127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("chromedriver did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new ChromeDriverProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await started.WaitUntilReadyAsync(timeout);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    /// <summary>The browser binary: Debian installs it as chromium.</summary>
    public static string? Browser() => Locate("chromium") ?? Locate("chromium-browser") ?? Locate("google-chrome");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "status"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"chromedriver did not answer on {Url} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    private static string? Locate(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
