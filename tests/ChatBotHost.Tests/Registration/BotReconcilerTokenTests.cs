using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Tests.Registration;

/// <summary>A reconciliation (a restart, another replica) never forgets an application_token learned while it ran.</summary>
public sealed class BotReconcilerTokenTests
{
    [Fact]
    public async Task ReconcileAsync_TokenLearnedWhileItRuns_IsKept()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var store = new LearningMeanwhileStore();
        await using var harness = new PipelineHarness(services => services.AddSingleton<IBotRegistrationStore>(store));
        var reconciler = harness.Services.GetRequiredService<BotReconciler>();
        await reconciler.ReconcileAsync(NewBot(emulator), CancellationToken.None);

        // Reconciled again (a restart): another replica learns the token after this one read the registration.
        store.LearnAfterNextRead = "learned-meanwhile";
        var restarted = NewBot(emulator);
        await reconciler.ReconcileAsync(restarted, CancellationToken.None);

        var stored = await store.GetAsync(restarted.Portal.Key, "keeper", CancellationToken.None);
        Assert.Equal("learned-meanwhile", stored!.ApplicationToken);
        Assert.Equal("learned-meanwhile", restarted.Registration!.ApplicationToken);
    }

    private static HostedBot NewBot(BitrixEmulator emulator)
    {
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var definition = new BotBuilder().Profile("keeper", "Keeper").Build("Keeper");
        return new HostedBot(definition, new BotSettings(), "keeper-token-0123456789", new PortalConnection(emulator.WebhookUrl, http.Object));
    }

    /// <summary>In-memory registrations; once armed, the read after the next one finds a token another replica just learned.</summary>
    private sealed class LearningMeanwhileStore : IBotRegistrationStore
    {
        private readonly InMemoryBotRegistrationStore _inner = new();
        private int _readsSinceArmed;

        public string? LearnAfterNextRead { get; set; }

        public async Task<BotRegistration?> GetAsync(string portal, string botCode, CancellationToken cancellationToken)
        {
            if (LearnAfterNextRead is { } token && ++_readsSinceArmed == 2)
            {
                var current = await _inner.GetAsync(portal, botCode, cancellationToken);
                await _inner.LearnApplicationTokenAsync(portal, botCode, current!.BotId, token, cancellationToken);
                LearnAfterNextRead = null;
            }

            return await _inner.GetAsync(portal, botCode, cancellationToken);
        }

        public Task SaveAsync(string portal, string botCode, BotRegistration registration, CancellationToken cancellationToken) =>
            _inner.SaveAsync(portal, botCode, registration, cancellationToken);

        public Task<BotRegistration?> LearnApplicationTokenAsync(string portal, string botCode, int botId, string applicationToken, CancellationToken cancellationToken) =>
            _inner.LearnApplicationTokenAsync(portal, botCode, botId, applicationToken, cancellationToken);

        public Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken) =>
            _inner.DeleteAsync(portal, botCode, cancellationToken);
    }
}
