using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>A real <see cref="TurnPipeline"/> over in-memory stores, and bots built from a declaration; no network.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public const int BotId = 7;

    private readonly ServiceProvider _services;

    public PipelineHarness(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDialogStateStore>(StateStore);
        services.AddSingleton<IDeduplicationStore>(Deduplication);
        services.AddSingleton<IBotRegistrationStore>(new InMemoryBotRegistrationStore());
        services.AddSingleton<ILeaseStore>(Leases);
        services.AddSingleton<ISentLedger>(new InMemorySentLedger());
        services.AddSingleton<IDeadLetterStore>(new InMemoryDeadLetterStore());
        services.AddSingleton(_ => new LeaseLock(Leases, TimeProvider.System, NullLogger<LeaseLock>.Instance));
        services.AddSingleton(Options.Create(new ChatBotHostOptions()));
        services.AddSingleton(Mock.Of<IServer>());
        services.AddSingleton<WebhookAddress>();
        services.AddSingleton<CommandReconciler>();
        services.AddSingleton<BotReconciler>();
        services.AddSingleton<BotClientFactory>();
        services.AddSingleton<IBotClientSource>(sp => sp.GetRequiredService<BotClientFactory>());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        TurnPipeline.Register(services);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(validateScopes: true);
        Pipeline = _services.GetRequiredService<TurnPipeline>();
    }

    public InMemoryDialogStateStore StateStore { get; } = new();

    public InMemoryDeduplicationStore Deduplication { get; } = new();

    public InMemoryLeaseStore Leases { get; } = new();

    public TurnPipeline Pipeline { get; }

    public IServiceProvider Services => _services;

    public static HostedBot Bot(Action<BotBuilder> declare, string code = "testbot")
    {
        var builder = new BotBuilder().Profile(code, "Test bot");
        declare(builder);
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var portal = new PortalConnection(new Uri("http://127.0.0.1:1/rest/1/code/"), http.Object);
        var bot = new HostedBot(builder.Build("TestBot"), new BotSettings(), "token", portal);
        bot.Use(new BotRegistration { BotId = BotId, WebhookSecret = "s" });
        return bot;
    }

    public static DialogKey KeyOf(HostedBot bot, string dialogId) => new(bot.Portal.Key, bot.BotId, dialogId);

    public Task<TurnOutcome> ProcessAsync(HostedBot bot, BotEvent evt) => Pipeline.ProcessAsync(bot, evt, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
