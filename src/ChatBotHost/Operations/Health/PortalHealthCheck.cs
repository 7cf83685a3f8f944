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
/// </summary>
internal sealed class PortalHealthCheck(BotDirectory bots, TimeProvider time) : IHealthCheck, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, bool Reachable, string Detail)> _probes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _probing = new(1, 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unreachable = new List<string>();
        foreach (var portal in bots.All.GroupBy(b => b.Portal.Key, StringComparer.Ordinal))
        {
            var (_, reachable, detail) = await ProbeAsync(portal.Key, portal, cancellationToken);
            data[portal.Key] = detail;
            if (!reachable)
            {
                unreachable.Add(portal.Key);
            }
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} portal(s) reachable", data)
            : HealthCheckResult.Degraded($"Not reachable: {string.Join(", ", unreachable)}", data: data);
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
            return Fresh(portal) ?? (_probes[portal] = await CallAsync(portalBots, cancellationToken));
        }
        finally
        {
            _probing.Release();
        }
    }

    private (DateTimeOffset, bool, string)? Fresh(string portal) =>
        _probes.TryGetValue(portal, out var probe) && time.GetUtcNow() - probe.At < CacheFor ? probe : null;

    private async Task<(DateTimeOffset, bool, string)> CallAsync(IEnumerable<HostedBot> portalBots, CancellationToken cancellationToken)
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
            await bot.Client.CallAsync(new BotGetRequest(), timeout.Token);
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
}
