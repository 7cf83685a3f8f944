using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// The host's instruments, on one meter named "ChatBotHost" made by the host's <see cref="IMeterFactory"/> (so each
/// host in one process, as in the tests, counts on its own). OpenTelemetry exports them (/metrics, OTLP).
/// </summary>
/// <remarks>
/// Names carry the "chatbothost." prefix and units are UCUM ("s", "{event}") because the Prometheus exporter derives
/// the exposed name from both: "chatbothost.turn.duration" in "s" is chatbothost_turn_duration_seconds, a counter gets
/// _total, a unit in braces adds nothing. Those are the names operators' dashboards have used since the first release.
/// </remarks>
internal sealed class HostMetrics
{
    public const string MeterName = "ChatBotHost";

    /// <summary>Histogram upper bounds in seconds: from a quick handler to a minute-long wait for the portal.</summary>
    public static readonly IReadOnlyList<double> Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // OpenTelemetry's default bounds are sized for milliseconds; the advice travels with the instrument, so every
    // exporter (Prometheus and OTLP) buckets seconds the same way.
    private static readonly InstrumentAdvice<double> SecondsAdvice = new() { HistogramBucketBoundaries = Bounds };

    private readonly Counter<long> _eventsReceived;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _restErrors;
    private readonly ConcurrentDictionary<(string Portal, string Bot), double> _fetchLag = new();

    public HostMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _eventsReceived = Meter.CreateCounter<long>("chatbothost.events.received", "{event}", "Events taken in, by portal, bot, event type (known types, else other) and mode (fetch, webhook).");
        _turnDuration = Meter.CreateHistogram("chatbothost.turn.duration", "s", "Time one event spent in the pipeline (handler and stages), by bot, event type and outcome.", tags: null, SecondsAdvice);
        _rateLimitWait = Meter.CreateHistogram("chatbothost.ratelimit.wait", "s", "Waits of a request for the portal's shared request bucket (only requests that waited).", tags: null, SecondsAdvice);
        _restErrors = Meter.CreateCounter<long>("chatbothost.rest.errors", "{error}", "REST calls the portal answered with an error, by portal, method and error code.");
        Meter.CreateObservableGauge("chatbothost.fetch.lag", ObserveFetchLag, "s", "Age of the newest event the last Event.get returned (0 when it returned none), by portal and bot.");
    }

    /// <summary>The meter, for the gauges of queue depths, which are observed elsewhere.</summary>
    public Meter Meter { get; }

    public void EventReceived(string portal, string bot, string type, string mode) =>
        _eventsReceived.Add(1, new("portal", portal), new("bot", bot), new("type", EventTypeLabel.Of(type)), new("mode", mode));

    public void TurnHandled(string bot, string type, string outcome, TimeSpan duration) =>
        _turnDuration.Record(duration.TotalSeconds, new("bot", bot), new("type", EventTypeLabel.Of(type)), new("outcome", outcome));

    public void RateLimiterWaited(string portal, TimeSpan wait) =>
        _rateLimitWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("portal", portal));

    public void RestError(string portal, string method, string code) =>
        _restErrors.Add(1, new("portal", portal), new("method", method), new("code", code));

    /// <summary>Records how old the newest event of a fetched page was when it was read (zero for an empty page).</summary>
    public void FetchLag(string portal, string bot, TimeSpan age) =>
        _fetchLag[(portal, bot)] = Math.Max(0, age.TotalSeconds);

    private IEnumerable<Measurement<double>> ObserveFetchLag() =>
        _fetchLag.Select(kv => new Measurement<double>(kv.Value, new("portal", kv.Key.Portal), new("bot", kv.Key.Bot)));
}
