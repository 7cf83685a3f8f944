using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ChatBotHost.BrowserTests;

/// <summary>
/// Headless Debian Chromium driven by Debian's chromedriver through Selenium, with a fresh profile directory that is
/// deleted on dispose. The paths are given explicitly so Selenium Manager never downloads a driver or a browser: the
/// test uses what tests/run.sh installed with apt-get.
/// </summary>
internal sealed class ChromiumBrowser : IDisposable
{
    private const string InstallHint = "Install Debian's chromium and chromium-driver packages (bash tests/run.sh does it with apt-get).";
    private readonly string _profile;

    private ChromiumBrowser(ChromeDriver driver, string profile) => (Driver, _profile) = (driver, profile);

    public IWebDriver Driver { get; }

    public static ChromiumBrowser Start(TimeSpan commandTimeout)
    {
        var driverPath = Locate("chromedriver") ?? throw new InvalidOperationException($"chromedriver was not found on PATH. {InstallHint}");
        var browserPath = Locate("chromium") ?? Locate("chromium-browser") ?? Locate("google-chrome")
            ?? throw new InvalidOperationException($"chromium was not found on PATH. {InstallHint}");

        var profile = Directory.CreateTempSubdirectory("cbh-chromium-").FullName;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browserPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900", $"--user-data-dir={profile}");
        try
        {
            return new ChromiumBrowser(new ChromeDriver(service, options, commandTimeout), profile);
        }
        catch
        {
            service.Dispose();
            TryDelete(profile);
            throw;
        }
    }

    public void Dispose()
    {
        // Quit ends the session, Chromium and the chromedriver process the service started.
        Driver.Quit();
        Driver.Dispose();
        TryDelete(_profile);
    }

    private static string? Locate(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Chromium may still be writing its profile as it exits; a leftover temp directory harms nobody.
        }
    }
}
