using ChatBotHost.Confirmation;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Inbox;
using ChatBotHost.Intake.Fetch;
using ChatBotHost.Intake.Webhook;
using ChatBotHost.LiveBots;
using ChatBotHost.OAuth;
using ChatBotHost.Operations.Memory;
using ChatBotHost.Pipeline;
using ChatBotHost.Proactive;
using ChatBotHost.Registration;
using ChatBotHost.Rest;
using ChatBotHost.Scheduling;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Hosting;

/// <summary>Registers the host's parts; Program.cs reads as the list of these calls.</summary>
internal static class ChatBotHostServices
{
    public static IServiceCollection AddChatBotHost(this IServiceCollection services, IConfiguration configuration, LocalPortal? local)
    {
        // Before anything reads or binds a value: the binder would drop or misreport what this names key by key.
        var settings = SettingsCheck.Run(configuration.GetSection(ChatBotHostOptions.SectionName));
        settings.ThrowIfFailed();
        services.AddSingleton(settings);

        services.AddOptions<ChatBotHostOptions>()
            .Bind(configuration.GetSection(ChatBotHostOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatBotHostOptions>, ChatBotHostOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ChatBotHostOptions>>(
            (host, chatBotHost) => host.ShutdownTimeout = chatBotHost.Value.ShutdownTimeout);

        // The webhook URL carries a secret code; the client's default request logging would print it.
        services.AddHttpClient(PortalConnection.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(70)).RemoveAllLoggers();
        // Likewise a file's one-time download URL carries its token; a 100 MB file may take minutes.
        services.AddHttpClient(Abstractions.Files.FileExtensions.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(10)).RemoveAllLoggers();

        var redis = configuration[$"{ChatBotHostOptions.SectionName}:Redis:Configuration"];
        services.AddStateStores(redis);
        // After the state stores: with Redis they register the clock the replicas agree on.
        services.TryAddSingleton(TimeProvider.System);

        // First of the hosted services, so it stops last: the outbox is flushed after intake and timers stopped.
        services.AddDelivery();

        services.AddSingleton<BotVersions>();
        // Bots registered in code (tests, the bench) are served as they are; otherwise from the live bots folder.
        if (services.Any(d => d.ServiceType == typeof(BotTypes)))
        {
            services.AddSingleton(sp => BotCatalog.Create(sp, sp.GetRequiredService<BotTypes>().Types));
        }
        else
        {
            services.AddLiveBots(configuration);
        }

        services.AddSingleton(sp => CreateWebhookPortalBots(sp, local));
        services.AddSingleton(CreateDirectory);
        if (local is not null)
        {
            services.AddSingleton(local);
        }

        services.AddSingleton<WebhookAddress>();
        services.AddSingleton<CommandReconciler>();
        services.AddSingleton<BotReconciler>();
        services.AddSingleton<ApplicationTokenCheck>();
        services.AddSingleton<BotClientFactory>();
        services.AddSingleton<IBotClientSource>(sp => sp.GetRequiredService<BotClientFactory>());
        TurnPipeline.Register(services);
        services.AddBitrixRest();
        services.AddProactiveMessages();
        services.AddTimersAndDialogs();
        // Hosted services stop in reverse order: the pollers (BotRunner) before the inbox's workers.
        services.AddInbox();
        services.AddSingleton<FetchReceiver>();
        services.AddSingleton<FetchPollerElection>();
        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<BotLifecycle>();
        services.AddHostedService<BotRunner>();
        services.AddOAuthApplication(configuration);
        services.AddMethodConfirmIntake();
        services.LoadKeyRingOnFirstUse();
        services.AddHostedService<SettingsWarningsLog>();
        services.AddIdleMemoryTrim(configuration);
        return services;
    }

    private static PortalConnection CreatePortal(IServiceProvider services, ChatBotHostOptions options)
    {
        if (!WebhookUrl.TryParse(options.Portal.WebhookUrl ?? "", out var baseUrl, out var reason))
        {
            throw new OptionsValidationException(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), [$"ChatBotHost:Portal:WebhookUrl: {reason}"]);
        }

        return new PortalConnection(baseUrl, services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<CallPipeline>());
    }

    private static WebhookPortalBots CreateWebhookPortalBots(IServiceProvider services, LocalPortal? local)
    {
        var options = services.GetRequiredService<IOptions<ChatBotHostOptions>>().Value;
        if (local is null && string.IsNullOrWhiteSpace(options.Portal.WebhookUrl) && options.OAuth.IsConfigured)
        {
            return new WebhookPortalBots(null, options, local); // application mode only: portals arrive with installs
        }

        return new WebhookPortalBots(CreatePortal(services, options), options, local);
    }

    private static BotDirectory CreateDirectory(IServiceProvider services)
    {
        var portalBots = services.GetRequiredService<WebhookPortalBots>();
        return new BotDirectory(portalBots.HasPortal ? services.GetRequiredService<BotCatalog>().Definitions.Select(portalBots.Create) : []);
    }
}
