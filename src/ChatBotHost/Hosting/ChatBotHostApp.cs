using ChatBotHost.Confirmation;
using ChatBotHost.Intake.Webhook;
using ChatBotHost.OAuth;
using ChatBotHost.Proactive;
using ChatBotHost.Operations.Health;
using ChatBotHost.Operations.Logging;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Operations.Tracing;
using Microsoft.AspNetCore.Hosting.Server;

namespace ChatBotHost.Hosting;

/// <summary>Builds the host; Program.cs and the integration tests start it the same way.</summary>
internal static partial class ChatBotHostApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        configure?.Invoke(builder);
        builder.AddHostLogging();
        builder.AddRequestLimits();

        var local = await LocalPortal.StartIfNeededAsync(builder.Configuration, builder.Environment, cancellationToken);
        builder.Services.AddChatBotHost(builder.Configuration, local);
        if (local is not null)
        {
            // `dotnet run -- bots list` from another terminal reaches this host's emulator and state (no network port).
            builder.Services.AddHostedService<Operations.Cli.LocalCommandServer>();
        }

        builder.Services.AddHostMetrics(builder.Configuration);
        builder.Services.AddHostHealth();
        builder.Services.AddHostTracing(builder.Configuration);

        var app = builder.Build();
        var bots = app.Services.GetRequiredService<BotDirectory>();
        app.Services.GetRequiredService<SecretValues>().Add(() => HostSecrets.FromBots(bots));
        // The queue gauges exist from the start, not from the first scrape: OTLP exports them without one.
        app.Services.GetRequiredService<QueueDepths>();
        // First, so a request refused by the limits below is logged too.
        app.UseHostRequestLogging();
        app.UseRequestLimits();
        app.MapWebhookEndpoints();
        app.MapAppInstallEndpoints();
        app.MapMethodConfirmEndpoint();
        app.MapProactiveEndpoints();
        app.MapMetricsEndpoints();
        app.MapHealthEndpoints();
        local?.MapChatPage(app);
        local?.WakePollers(bots, app.Services.GetRequiredService<Delivery.SendQueue>());
        app.Lifetime.ApplicationStarted.Register(() => LogStarted(app, local));
        return app;
    }

    private static void LogStarted(WebApplication app, LocalPortal? local)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBotHost");
        var state = app.Services.GetRequiredService<State.StateStoreInfo>();
        if (local is not null)
        {
            LogLocalMode(logger, local.Emulator.BaseUrl);
            if (ChatPageAddress.From(app.Services.GetRequiredService<IServer>()) is { } chatPage)
            {
                LogChatPage(logger, chatPage);
            }
        }

        if (!state.IsDurable)
        {
            LogInMemoryState(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No portal configured (ChatBotHost:Portal:WebhookUrl): running in LOCAL MODE against the built-in Bitrix24 emulator at {EmulatorUrl}")]
    private static partial void LogLocalMode(ILogger logger, Uri emulatorUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat with the bots in your browser: {ChatPageUrl}")]
    private static partial void LogChatPage(ILogger logger, Uri chatPageUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Redis configured (ChatBotHost:Redis:Configuration): state is kept IN MEMORY and lost when the host stops")]
    private static partial void LogInMemoryState(ILogger logger);
}
