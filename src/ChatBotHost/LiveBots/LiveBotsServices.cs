using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.LiveBots;

/// <summary>Serves the bots of the bots folder (ChatBotHost:BotsPath): compiled at start-up, reloaded as they change.</summary>
internal static class LiveBotsServices
{
    public static IServiceCollection AddLiveBots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => BotsFolder.Resolve(
            configuration[$"{ChatBotHostOptions.SectionName}:BotsPath"],
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(_ => new BotCompiler(BotCompiler.DefaultCacheFolder()));
        services.AddSingleton<LiveBotUnits>();
        services.AddSingleton(sp => new BotCatalog(sp.GetRequiredService<LiveBotUnits>().LoadAll()));
        services.AddSingleton<LiveBotReload>();
        services.AddHostedService<BotsFolderWatcher>();
        services.AddHealthChecks().AddCheck<LiveBotsHealthCheck>("bots", tags: ["ready"]);
        return services;
    }
}
