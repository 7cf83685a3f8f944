using System.Collections.Concurrent;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// Each portal answers a cheap REST call (Bot.get of one of its bots) within a few seconds. The answer is kept for
/// <see cref="CacheFor"/>: every call spends a slot of the portal's shared request bucket, and a scraper asking every
/// second must not spend them. An unreachable portal degrades readiness (webhooks are still taken in and stored).
/// The answer counts portals and names none (the endpoint is anonymous); which portal failed, and why, is logged.
/// </summary>
internal sealed partial class PortalHealthCheck(BotDirectory bots, TimeProvider time, ILogger<PortalHealthCheck> logger) : IHealthCheck, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, bool Reachable, string Detail)> _probes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _probing = new(1, 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (reachable, unreachable) = (0, 0);
        foreach (var portal in bots.All.GroupBy(b => b.Portal.Key, StringComparer.Ordinal))
        {
            if ((await ProbeAsync(portal.Key, portal, cancellationToken)).Reachable)
            {
                reachable++;
            }
            else
            {
                unreachable++;
            }
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["reachable"] = reachable, ["unreachable"] = unreachable };
        return unreachable == 0
            ? HealthCheckResult.Healthy($"{reachable} portal(s) reachable", data)
            : HealthCheckResult.Degraded($"{unreachable} of {reachable + unreachable} portal(s) not reachable", data: data);
    }

    private async Task<(DateTimeOffset At, bool Reachable, string Detail)> ProbeAsync(string portal, IEnumerable<HostedBot> portalBots, CancellationToken cancellationToken)
    {
        if (Fresh(portal) is { } cached)
        {
            return cached;
        }

        await _probing.WaitAsync(cancellationToken);
        try
        {
            // Another request may have probed while this one waited.
            if (Fresh(portal) is { } probedMeanwhile)
            {
                return probedMeanwhile;
            }

            var probe = await CallAsync(portalBots, cancellationToken);
            if (!probe.Reachable)
            {
                LogUnreachable(logger, portal, probe.Detail);
            }

            return _probes[portal] = probe;
        }
        finally
        {
            _probing.Release();
        }
    }

    private (DateTimeOffset, bool, string)? Fresh(string portal) =>
        _probes.TryGetValue(portal, out var probe) && time.GetUtcNow() - probe.At < CacheFor ? probe : null;

    private async Task<(DateTimeOffset At, bool Reachable, string Detail)> CallAsync(IEnumerable<HostedBot> portalBots, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (portalBots.FirstOrDefault(b => b.Registration is not null) is not { } bot)
        {
            return (now, false, "no bot registered yet");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // One attempt: a retry would spend more of the bucket this cache exists to spare.
            await bot.Portal.CreateClient(bot, Delivery.CallPath.Once).CallAsync(new BotGetRequest(), timeout.Token);
            return (now, true, $"answered Bot.get at {now:u}");
        }
        catch (BitrixApiException ex) when (ex.Error != BitrixErrors.Transport)
        {
            // The portal answered, so it is reachable; the error is the bot's business (and counted in the metrics).
            return (now, true, $"answered Bot.get with {ex.Error} at {now:u}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (now, false, ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds} s" : $"{ex.GetType().Name} at {now:u}");
        }
    }

    public void Dispose() => _probing.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: portal {Portal} is not reachable ({Detail})")]
    private static partial void LogUnreachable(ILogger logger, string portal, string detail);
}
