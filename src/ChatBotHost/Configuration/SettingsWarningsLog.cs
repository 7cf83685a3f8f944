using ChatBotHost.Hosting;

namespace ChatBotHost.Configuration;

/// <summary>
/// Logs at start what the settings check let through but a reader should see: keys the host does not know, and bot
/// sections for a code no bot declares (a typo there leaves the intended bot without its settings), and replicas to wait
/// for without Redis.
/// </summary>
internal sealed partial class SettingsWarningsLog(SettingsReport report, BotCatalog catalog, IConfiguration configuration, ILogger<SettingsWarningsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in report.Warnings)
        {
            LogUnknownSetting(logger, warning);
        }

        var declared = string.Join(", ", catalog.Definitions.Select(d => d.Code).Order(StringComparer.Ordinal));
        foreach (var bot in configuration.GetSection($"{ChatBotHostOptions.SectionName}:Bots").GetChildren().Where(b => catalog.Find(b.Key) is null))
        {
            LogUnknownBot(logger, bot.Path, declared);
        }

        // Without Redis there is no replica to wait for: the setting would silently promise a durability it cannot give.
        var redis = configuration.GetSection($"{ChatBotHostOptions.SectionName}:Redis");
        if (string.IsNullOrWhiteSpace(redis["Configuration"]) && int.TryParse(redis["WaitForReplicas"], out var replicas) && replicas > 0)
        {
            LogReplicasWithoutRedis(logger, redis.Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogUnknownSetting(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section}:WaitForReplicas is ignored: without {Section}:Configuration state is in memory, with no replica to wait for")]
    private static partial void LogReplicasWithoutRedis(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section} configures no declared bot and is ignored; the declared bots are {Declared}")]
    private static partial void LogUnknownBot(ILogger logger, string section, string declared);
}
