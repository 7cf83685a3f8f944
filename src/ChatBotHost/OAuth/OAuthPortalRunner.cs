using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>
/// Keeps this replica serving exactly the active application portals in the portal store: reads it at start, every
/// ChatBotHost:OAuth:PortalSyncInterval (installs arrive at one replica) and at once after a local install or
/// uninstall; starts the bots of new portals (registration, pollers) and stops those of removed or broken ones.
/// An uninstall announced by any replica (<see cref="IPortalRevocations"/>) closes the portal's guard at once: no
/// request starts, those under way finish, and only then is the announcement confirmed.
/// </summary>
internal sealed partial class OAuthPortalRunner(
    IPortalStore store,
    OAuthPortalFactory factory,
    BotDirectory bots,
    BotLifecycle lifecycle,
    PortalSyncSignal signal,
    IPortalRevocations revocations,
    IOptions<ChatBotHostOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<OAuthPortalRunner> logger) : BackgroundService
{
    /// <summary>How long a replica lets calls under way to an uninstalled portal finish before it confirms anyway.</summary>
    public static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, ServedPortal> _served = new(StringComparer.Ordinal);

    // member_id → the latest installation uninstalled: a sync that read the portal list just before the uninstall
    // must not start that installation again.
    private readonly Dictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private bool _subscribed;

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

        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SubscribeOnceAsync(stoppingToken);
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

    /// <summary>
    /// This replica's part of an uninstall: closes the portal's guard and returns once no call to it is under way
    /// (at most <see cref="InFlightWait"/>); the next sync, woken now, stops its bots.
    /// </summary>
    public async Task RevokeAsync(PortalRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        ServedPortal? served;
        lock (_served)
        {
            _revoked[revocation.MemberId] = _revoked.TryGetValue(revocation.MemberId, out var known) && known > revocation.InstalledAt
                ? known
                : revocation.InstalledAt;
            _served.TryGetValue(OAuthPortal.KeyOf(revocation.MemberId), out served);
        }

        // A re-install that came after the uninstall has a newer InstalledAt and is not this revocation's to stop.
        if (served is not null && served.Portal.Record.InstalledAt <= revocation.InstalledAt)
        {
            try
            {
                await served.Portal.Guard.RevokeAsync().WaitAsync(InFlightWait);
            }
            catch (TimeoutException)
            {
                LogInFlightTimedOut(logger, served.Portal.Key);
            }
        }

        signal.Pulse();
    }

    private async Task SubscribeOnceAsync(CancellationToken stoppingToken)
    {
        if (!_subscribed)
        {
            await revocations.SubscribeAsync(RevokeAsync, stoppingToken);
            _subscribed = true;
        }
    }

    private void Start(PortalRecord record, CancellationToken stoppingToken)
    {
        var (portal, portalBots) = factory.Create(record);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var served = new ServedPortal(portal, stop);
        lock (_served)
        {
            // Checked and entered under one lock with RevokeAsync: a revocation either stops this start or finds it.
            if (_revoked.TryGetValue(record.MemberId, out var revokedAt) && record.InstalledAt <= revokedAt)
            {
                stop.Dispose();
                portal.Tokens.Dispose();
                return;
            }

            _served[portal.Key] = served;
        }

        bots.AddPortal(portal.Key, portalBots);
        served.Running = Task.WhenAll(portalBots.Where(b => b.Settings.Enabled).Select(b => lifecycle.RunAsync(b, stop.Token)));
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

    private sealed class ServedPortal(OAuthPortal portal, CancellationTokenSource stop)
    {
        public OAuthPortal Portal { get; } = portal;

        public CancellationTokenSource Stop { get; } = stop;

        // Set by Start right after the portal is entered; Start and StopAsync both run on the sync loop only.
        public Task Running { get; set; } = Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal} was uninstalled, but calls to it were still under way after the wait; confirming anyway")]
    private static partial void LogInFlightTimedOut(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving application portal {Portal} with {Bots} bots")]
    private static partial void LogStarted(ILogger logger, string portal, int bots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped serving application portal {Portal}")]
    private static partial void LogStopped(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: its bots failed while stopping")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the installed portals failed; trying again later")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
