using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.State;

namespace ChatBotHost.LiveBots;

/// <summary>
/// Brings what the host serves in line with the bots folder: a changed unit's bots get the new code from their next
/// turn and are reconciled with the portal (profile, commands); a new bot is registered; a bot whose source is gone
/// is unregistered from the portal (Bot.unregister) and no longer served. The replaced version's context is then
/// unloaded: turns still running on it finish first, since they hold its code until they end.
/// </summary>
internal sealed partial class LiveBotReload(
    LiveBotUnits units,
    BotCompiler compiler,
    BotCatalog catalog,
    BotDirectory directory,
    WebhookPortalBots portalBots,
    BotLifecycle lifecycle,
    BotReconciler reconciler,
    Scheduling.TimerScheduling scheduling,
    IBotRegistrationStore registrations,
    IHostApplicationLifetime lifetime,
    ILogger<LiveBotReload> logger)
{
    /// <summary>Looks at the folder once and applies every change found; returns whether there was any.</summary>
    public async Task<bool> ApplyAsync(CancellationToken cancellationToken)
    {
        var (changed, gone) = units.Look();
        await compiler.PrepareAsync(changed, units.Folder.Path, cancellationToken);
        foreach (var unit in changed)
        {
            if (units.Load(unit) is (true, var replaced, { } current))
            {
                await SwapAsync(replaced, current, cancellationToken);
            }
        }

        compiler.EndBatch();

        foreach (var name in gone)
        {
            if (units.Remove(name) is { } removed)
            {
                await SwapAsync(removed, null, cancellationToken);
            }
        }

        return changed.Count + gone.Count > 0;
    }

    private async Task SwapAsync(LoadedUnit? old, LoadedUnit? current, CancellationToken cancellationToken)
    {
        IReadOnlyList<BotDefinition> added = current?.Definitions ?? [];
        var removed = (old?.Definitions ?? []).Select(d => d.Code).Where(code => !added.Any(a => Same(a.Code, code))).ToList();
        catalog.Replace(removed, added);

        foreach (var definition in added)
        {
            await ServeAsync(definition, cancellationToken);
            await scheduling.RescheduleAsync(definition.Code, definition, cancellationToken);
        }

        foreach (var code in removed)
        {
            await RetireAsync(code, cancellationToken);
            await scheduling.RescheduleAsync(code, null, cancellationToken);
        }

        old?.Context.Unload();
    }

    private async Task ServeAsync(BotDefinition definition, CancellationToken cancellationToken)
    {
        var hosted = directory.All.Where(b => Same(b.Code, definition.Code)).ToList();
        if (hosted.Count == 0 && portalBots.HasPortal)
        {
            // New bots reach the webhook portal (or the emulator) now; application portals get them at their next start.
            var bot = portalBots.Create(definition);
            directory.Add(bot);
            if (bot.Settings.Enabled)
            {
                _ = lifecycle.RunAsync(bot, lifetime.ApplicationStopping);
            }

            return;
        }

        foreach (var bot in hosted)
        {
            bot.Reload(definition);
            if (!bot.Settings.Enabled || bot.Registration is null)
            {
                continue; // not registered yet: its lifecycle registers the new declaration when it gets there
            }

            try
            {
                await reconciler.ReconcileAsync(bot, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogReconcileFailed(logger, ex, bot);
            }
        }
    }

    private async Task RetireAsync(string code, CancellationToken cancellationToken)
    {
        foreach (var bot in directory.All.Where(b => Same(b.Code, code)).ToList())
        {
            bot.Retire();
            if (directory.FindByCode(code) == bot)
            {
                directory.Remove(code);
            }
            else if (directory.OfPortal(bot.Portal.Key) is { } portalBotsList)
            {
                directory.AddPortal(bot.Portal.Key, [.. portalBotsList.Where(b => b != bot)]);
            }

            if (bot.Registration is not { BotId: var id })
            {
                continue;
            }

            try
            {
                await bot.Portal.CreateClient(bot.BotToken, id).CallAsync(new BotUnregisterRequest(), cancellationToken);
            }
            catch (BitrixApiException ex) when (ex.Error == "BOT_NOT_FOUND")
            {
                // Gone from the portal already (another replica unregistered it): forgetting it is all that is left.
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnregisterFailed(logger, ex, bot);
                continue;
            }

            await registrations.DeleteAsync(bot.Portal.Key, bot.Code, cancellationToken);
            LogUnregistered(logger, bot);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bots folder: reconciling the reloaded bot {Bot} with the portal failed; its new code serves, its profile and commands may be stale")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, HostedBot bot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bots folder: unregistering the removed bot {Bot} failed; it is no longer served here")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception exception, HostedBot bot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bots folder: the removed bot {Bot} is unregistered from the portal")]
    private static partial void LogUnregistered(ILogger logger, HostedBot bot);
}
