using ChatBotHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBotHost.Tests.Hosting;

/// <summary>Local mode (the built-in emulator, acting as the portal's admin) starts only when asked.</summary>
public sealed class LocalModeTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Production", "True", true)]
    [InlineData("Development", "false", false)]
    public void IsAllowed_EnvironmentAndSwitch_DecideTogether(string environment, string? localMode, bool allowed)
    {
        var configuration = Configuration((LocalPortal.LocalModeKey, localMode));

        Assert.Equal(allowed, LocalPortal.IsAllowed(configuration, Environment(environment)));
    }

    [Fact]
    public void IsAllowed_SwitchNotABoolean_NamesTheSetting()
    {
        var configuration = Configuration((LocalPortal.LocalModeKey, "yes please"));

        var error = Assert.Throws<OptionsValidationException>(() => LocalPortal.IsAllowed(configuration, Environment("Production")));

        Assert.Contains("ChatBotHost:LocalMode must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartIfNeededAsync_ProductionWithoutPortal_RefusesNamingTheSettings()
    {
        var configuration = Configuration();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            LocalPortal.StartIfNeededAsync(configuration, Environment("Production"), CancellationToken.None));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("ChatBotHost:Portal:WebhookUrl", failure, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:OAuth:ClientId", failure, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:LocalMode=true", failure, StringComparison.Ordinal);
        Assert.Contains("'Production'", failure, StringComparison.Ordinal);
        Assert.Null(configuration[LocalPortal.WebhookUrlKey]);
    }

    [Fact]
    public async Task StartIfNeededAsync_PortalConfigured_StartsNoEmulatorInAnyEnvironment()
    {
        var configuration = Configuration((LocalPortal.WebhookUrlKey, "https://portal.bitrix24.com/rest/1/code/"));

        Assert.Null(await LocalPortal.StartIfNeededAsync(configuration, Environment("Production"), CancellationToken.None));
    }

    [Fact]
    public async Task StartIfNeededAsync_ApplicationModeOnly_StartsNoEmulator()
    {
        var configuration = Configuration((LocalPortal.ClientIdKey, "local.abc"));

        Assert.Null(await LocalPortal.StartIfNeededAsync(configuration, Environment("Production"), CancellationToken.None));
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "true")]
    public async Task StartIfNeededAsync_Asked_StartsTheEmulatorAndPointsThePortalAtIt(string environment, string? localMode)
    {
        var configuration = Configuration((LocalPortal.LocalModeKey, localMode));

        await using var local = await LocalPortal.StartIfNeededAsync(configuration, Environment(environment), CancellationToken.None);

        Assert.NotNull(local);
        Assert.Equal(local.Emulator.WebhookUrl.AbsoluteUri, configuration[LocalPortal.WebhookUrlKey]);
    }

    private static ConfigurationManager Configuration(params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return configuration;
    }

    private static IHostEnvironment Environment(string name) => Mock.Of<IHostEnvironment>(e => e.EnvironmentName == name);
}
