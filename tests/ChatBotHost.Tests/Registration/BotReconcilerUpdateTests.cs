using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChatBotHost.Tests.Registration;

/// <summary>Bot.update goes out only when the portal's bot can differ from the declaration, and the log says only what happened.</summary>
public sealed class BotReconcilerUpdateTests
{
    private const string UpdateMethod = "imbot.v2.Bot.update";

    [Fact]
    public async Task ReconcileAsync_BrandNewBot_RegistersWithoutUpdate()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var log = new RecordingLoggerProvider();
        await using var harness = new PipelineHarness(s => s.AddLogging(b => b.AddProvider(log)));

        await harness.Services.GetRequiredService<BotReconciler>().ReconcileAsync(NewBot(emulator, "Fresh"), CancellationToken.None);

        Assert.Equal("Fresh", emulator.Portal.FindBot("fresh")!.Name);
        Assert.DoesNotContain(emulator.Portal.Calls, c => c.Method == UpdateMethod);
        var messages = Reconciler(log);
        Assert.Single(messages, m => m.Contains("registered", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Bot.update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReconcileAsync_BotOnThePortalButNothingStored_UpdatesItToTheDeclaration()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using (var earlier = new PipelineHarness())
        {
            // An earlier run registered it under another name, and its state is gone (in-memory state, a new Redis).
            await earlier.Services.GetRequiredService<BotReconciler>().ReconcileAsync(NewBot(emulator, "Old name"), CancellationToken.None);
        }

        using var log = new RecordingLoggerProvider();
        await using var harness = new PipelineHarness(s => s.AddLogging(b => b.AddProvider(log)));
        await harness.Services.GetRequiredService<BotReconciler>().ReconcileAsync(NewBot(emulator, "New name"), CancellationToken.None);

        Assert.Equal("New name", emulator.Portal.FindBot("fresh")!.Name);
        Assert.Single(emulator.Portal.Calls, c => c.Method == UpdateMethod);
        var messages = Reconciler(log);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Bot.update sent", messages[0], StringComparison.Ordinal);
        Assert.Contains("registered", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_RestartWithTheSameDeclaration_SendsNoUpdate()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var harness = new PipelineHarness();
        var reconciler = harness.Services.GetRequiredService<BotReconciler>();
        await reconciler.ReconcileAsync(NewBot(emulator, "Same"), CancellationToken.None);

        await reconciler.ReconcileAsync(NewBot(emulator, "Same"), CancellationToken.None);

        Assert.NotNull(await harness.Services.GetRequiredService<IBotRegistrationStore>().GetAsync(NewBot(emulator, "Same").Portal.Key, "fresh", CancellationToken.None));
        Assert.DoesNotContain(emulator.Portal.Calls, c => c.Method == UpdateMethod);
    }

    private static List<string> Reconciler(RecordingLoggerProvider log) =>
        [.. log.Entries.Where(e => e.Category.EndsWith(nameof(BotReconciler), StringComparison.Ordinal) && e.Level >= LogLevel.Information).Select(e => e.Message)];

    private static HostedBot NewBot(BitrixEmulator emulator, string name)
    {
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var definition = new BotBuilder().Profile("fresh", name).Build("Fresh");
        return new HostedBot(definition, new BotSettings(), "fresh-token-0123456789", new PortalConnection(emulator.WebhookUrl, http.Object));
    }
}
