using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>
/// Keeps this replica serving exactly the active application portals in the portal store: reads it at start, every
/// ChatBotHost:OAuth:PortalSyncInterval (installs arrive at one replica) and at once after a local install or
/// uninstall; starts the bots of new portals (registration, pollers) and stops those of removed or broken ones.
/// </summary>
internal sealed partial class OAuthPortalRunner(
    IPortalStore store,
    OAuthPortalFactory factory,
    BotDirectory bots,
    BotLifecycle lifecycle,
    PortalSyncSignal signal,
    IOptions<ChatBotHostOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<OAuthPortalRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, ServedPortal> _served = new(StringComparer.Ordinal);

    /// <summary>The portals this replica serves now (tests, keep-alive).</summary>
    public IReadOnlyList<OAuthPortal> Served
    {
        get
        {
            lock (_served)
            {
                return [.. _served.Values.Select(s => s.Portal)];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OAuth.IsConfigured)
        {
            return;
        }

        await lifetime.WaitUntilStartedAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSyncFailed(logger, ex);
                }

                await signal.WaitAsync(options.Value.OAuth.PortalSyncInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await Task.WhenAll(Served.Select(p => StopAsync(p.Key)));
        }
    }

    private async Task SyncAsync(CancellationToken stoppingToken)
    {
        var active = (await store.ListAsync(stoppingToken))
            .Where(p => p.Status == PortalStatus.Active)
            .ToDictionary(p => OAuthPortal.KeyOf(p.MemberId), StringComparer.Ordinal);
        foreach (var gone in Served.Where(p => !active.ContainsKey(p.Key)).ToList())
        {
            await StopAsync(gone.Key);
        }

        foreach (var (key, record) in active)
        {
            lock (_served)
            {
                if (_served.TryGetValue(key, out var served))
                {
                    served.Portal.Record = record; // a re-install may bring a new application_token
                    continue;
                }
            }

            Start(record, stoppingToken);
        }
    }

    private void Start(PortalRecord record, CancellationToken stoppingToken)
    {
        var (portal, portalBots) = factory.Create(record);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bots.AddPortal(portal.Key, portalBots);
        var running = Task.WhenAll(portalBots.Where(b => b.Settings.Enabled).Select(b => lifecycle.RunAsync(b, stop.Token)));
        lock (_served)
        {
            _served[portal.Key] = new ServedPortal(portal, stop, running);
        }

        LogStarted(logger, portal.Key, portalBots.Count);
    }

    private async Task StopAsync(string key)
    {
        ServedPortal? served;
        lock (_served)
        {
            _served.Remove(key, out served);
        }

        if (served is null)
        {
            return;
        }

        await served.Stop.CancelAsync();
        try
        {
            await served.Running;
        }
        catch (OperationCanceledException)
        {
            // The pollers ended as asked.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The portal is being dropped anyway; what failed in its bots must not keep it served.
            LogStopFailed(logger, ex, key);
        }

        bots.RemovePortal(key);
        served.Stop.Dispose();
        served.Portal.Tokens.Dispose();
        LogStopped(logger, key);
    }

    private sealed record ServedPortal(OAuthPortal Portal, CancellationTokenSource Stop, Task Running);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving application portal {Portal} with {Bots} bots")]
    private static partial void LogStarted(ILogger logger, string portal, int bots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped serving application portal {Portal}")]
    private static partial void LogStopped(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: its bots failed while stopping")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the installed portals failed; trying again later")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
