namespace ChatBotHost.LiveBots;

/// <summary>
/// Watches the bots folder and reloads what changed. A file system event wakes it (after a short quiet time, so an
/// editor's burst of writes is one reload); a look every second anyway covers file systems whose events do not
/// arrive (bind mounts from another machine, some container runtimes). Either way a change serves within 2 s.
/// </summary>
internal sealed partial class BotsFolderWatcher(LiveBotReload reload, LiveBotUnits units, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<BotsFolderWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // New bots are registered with webhook URLs, which need the server's address.
        if (!await Hosting.LifetimeExtensions.WaitUntilStartedAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var changed = new SemaphoreSlim(0);
        using var watcher = Watch(units.Folder.Path, changed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await changed.WaitAsync(PollInterval, stoppingToken))
                {
                    // Let the burst settle: every event that arrives meanwhile restarts the quiet time.
                    do
                    {
                        await Task.Delay(Quiet, time, stoppingToken);
                    }
                    while (await changed.WaitAsync(0, stoppingToken));
                }

                await reload.ApplyAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A folder being rewritten can fail one look (a file gone between listing and reading); the next one retries.
                LogLookFailed(logger, ex);
            }
        }
    }

    private FileSystemWatcher? Watch(string path, SemaphoreSlim changed)
    {
        try
        {
            var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler signal = (_, _) => changed.Release();
            watcher.Created += signal;
            watcher.Changed += signal;
            watcher.Deleted += signal;
            watcher.Renamed += (_, _) => changed.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogNoWatcher(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bots folder: looking for changes failed; trying again")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bots folder: no file system watcher (inotify limit?); looking for changes every second instead")]
    private static partial void LogNoWatcher(ILogger logger, Exception exception);
}
