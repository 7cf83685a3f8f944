using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>
/// The host as a container runs it (Production, nothing configured) must not serve the built-in emulator, which acts as
/// the portal's admin, to the network: it refuses to start and says which settings to set.
/// </summary>
public sealed class LocalModeStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Production_NoPortalConfigured_ExitsWithCode2NamingTheSettings()
    {
        var (exit, output) = await RunToExitAsync("Production");

        Assert.Equal(2, exit);
        Assert.Contains("ChatBotHost cannot start; fix these settings:", output, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:Portal:WebhookUrl", output, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:OAuth:ClientId", output, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:LocalMode=true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCAL MODE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_LocalModeSwitchedOn_StartsTheEmulator()
    {
        using var process = Start("Production", "--ChatBotHost:LocalMode=true");
        var output = new ProcessOutput(process);
        try
        {
            await output.WaitForAsync(new Regex("LOCAL MODE"), Patience);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<(int Exit, string Output)> RunToExitAsync(string environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        return await ProcessOutput.RunToExitAsync(process, Patience, "The host");
    }

    private static Process Start(string environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostProcess.HostAssemblyPath());
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing inherited from the test run may configure a portal or an environment.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ChatBotHost", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        return Process.Start(info) ?? throw new InvalidOperationException("The host process did not start.");
    }
}
