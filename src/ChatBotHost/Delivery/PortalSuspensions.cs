using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Operations.Metrics;

namespace ChatBotHost.Delivery;

/// <summary>
/// The portals this replica stopped calling because they refuse all REST: OVERLOAD_LIMIT (blocked by hand) and
/// PORTAL_DELETED. While a portal is suspended, requests to it fail at once with <see cref="PortalSuspendedException"/>
/// without reaching it: the outbox keeps its queued calls waiting (not dead-lettered) until the next probe, direct
/// callers (the fetch loop, registration) back off in their own loops. Failing fast rather than waiting inside the
/// call keeps a lease, a turn or a shutdown from hanging on a portal that may stay blocked for hours. One request (the
/// probe) goes through after a pause of 30 s, doubling to 1 h while the portal keeps refusing; any answer that is not
/// such a refusal resumes the portal.
/// </summary>
internal sealed partial class PortalSuspensions
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxPause = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Suspension> _portals = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PortalSuspensions(TimeProvider time, ILogger<PortalSuspensions> logger, HostMetrics? metrics = null)
    {
        _time = time;
        _logger = logger;

        // Labelled by code only (two values at most), never by portal: the gauge is there for alerts, the log names the portal.
        metrics?.Meter.CreateObservableGauge(
            "chatbothost.portals.suspended",
            () => CountByCode().Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("code", c.Key))),
            "{portal}",
            "Portals this replica stopped calling because they refuse all REST (OVERLOAD_LIMIT, PORTAL_DELETED), by code.");
    }

    /// <summary>Lets a request through, or throws <see cref="PortalSuspendedException"/> while the portal is suspended and no probe is due.</summary>
    public PortalPassage Enter(string portal)
    {
        if (!_portals.TryGetValue(portal, out var suspension))
        {
            return PortalPassage.Open;
        }

        lock (suspension)
        {
            if (suspension.ProbeInFlight || _time.GetUtcNow() < suspension.ProbeAt)
            {
                throw new PortalSuspendedException(suspension.Answer, suspension.ProbeAt);
            }

            suspension.ProbeInFlight = true;
            return PortalPassage.Probe;
        }
    }

    /// <summary>The portal answered something other than a suspending refusal: a probe's answer resumes it.</summary>
    public void Answered(string portal, PortalPassage passage)
    {
        if (passage == PortalPassage.Probe && _portals.TryRemove(portal, out var suspension))
        {
            LogResumed(_logger, portal, suspension.Answer.Error);
        }
    }

    /// <summary>The request got no answer at all: a probe is tried again after the same pause.</summary>
    public void Unanswered(string portal, PortalPassage passage)
    {
        if (passage == PortalPassage.Probe && _portals.TryGetValue(portal, out var suspension))
        {
            lock (suspension)
            {
                suspension.ProbeInFlight = false;
                suspension.ProbeAt = _time.GetUtcNow() + suspension.Pause;
            }
        }
    }

    /// <summary>The portal refused the request for good (OVERLOAD_LIMIT, PORTAL_DELETED): suspends it, or doubles the pause.</summary>
    public PortalSuspendedException Suspend(string portal, BitrixApiException answer)
    {
        var suspension = _portals.GetOrAdd(portal, _ => new Suspension(answer));
        lock (suspension)
        {
            var first = suspension.Pause == TimeSpan.Zero;
            suspension.Pause = first ? FirstPause : TimeSpan.FromTicks(Math.Min(suspension.Pause.Ticks * 2, MaxPause.Ticks));
            suspension.Answer = answer;
            suspension.ProbeInFlight = false;
            suspension.ProbeAt = _time.GetUtcNow() + suspension.Pause;
            LogSuspended(_logger, portal, answer.Error, suspension.Pause.TotalSeconds);
            return new PortalSuspendedException(answer, suspension.ProbeAt);
        }
    }

    /// <summary>Whether requests to the portal are held back now.</summary>
    public bool IsSuspended(string portal) => _portals.ContainsKey(portal);

    /// <summary>How many portals are suspended, per error code (no portal names: health and metrics are anonymous).</summary>
    public IReadOnlyDictionary<string, int> CountByCode()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var suspension in _portals.Values)
        {
            var code = suspension.Answer.Error;
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }

        return counts;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Portal {Portal} answered {Error}: no requests go to it from this replica; the next probe is in {PauseSeconds:0} s")]
    private static partial void LogSuspended(ILogger logger, string portal, string error, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal} answers again (it was suspended after {Error}); requests resume")]
    private static partial void LogResumed(ILogger logger, string portal, string error);

    private sealed class Suspension(BitrixApiException answer)
    {
        public BitrixApiException Answer { get; set; } = answer;

        public TimeSpan Pause { get; set; }

        public DateTimeOffset ProbeAt { get; set; }

        public bool ProbeInFlight { get; set; }
    }
}
