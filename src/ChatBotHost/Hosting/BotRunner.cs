namespace ChatBotHost.Hosting;

/// <summary>
/// Brings each enabled bot of the configured webhook portal up once the server listens (webhook URLs need its
/// address). Application portals are brought up by <see cref="OAuth.OAuthPortalRunner"/>.
/// </summary>
internal sealed class BotRunner(BotDirectory bots, BotLifecycle lifecycle, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
        {
            return;
        }

        await Task.WhenAll(bots.All.Where(b => b.Settings.Enabled).Select(b => lifecycle.RunAsync(b, stoppingToken)));
    }
}
