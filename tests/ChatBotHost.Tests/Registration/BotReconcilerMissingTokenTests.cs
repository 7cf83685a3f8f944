using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Tests.Registration;

/// <summary>
/// A disabled bot may have no token; registering it anyway (`bots register`) is refused with the key to set, before
/// anything reaches the portal.
/// </summary>
public sealed class BotReconcilerMissingTokenTests
{
    [Fact]
    public async Task ReconcileAsync_WebhookPortalBotWithoutToken_NamesTheKeyAndCallsNothing()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var harness = new PipelineHarness();
        var reconciler = harness.Services.GetRequiredService<BotReconciler>();
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var definition = new BotBuilder().Profile("dormant", "Dormant").Build("Dormant");
        var bot = new HostedBot(definition, new BotSettings { Enabled = false }, botToken: null, new PortalConnection(emulator.WebhookUrl, http.Object));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => reconciler.ReconcileAsync(bot, CancellationToken.None));

        Assert.StartsWith("ChatBotHost:Bots:dormant:BotToken is not set", refused.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Portal.Calls);
    }
}
