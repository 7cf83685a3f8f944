using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// Listens to the host's meter (only the one its own <see cref="IMeterFactory"/> made) and keeps every series, so a
/// scrape can be written in Prometheus text format. No exporter package is available here, so this is ours.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>Histogram upper bounds in seconds: from a quick handler to a minute-long wait for the portal.</summary>
    public static readonly IReadOnlyList<double> Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, MetricKind> _instruments = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Key), MetricSeries> _series = new();

    // The same series found by the tags as the caller passed them (unsorted): every event records measurements, and
    // this lookup costs one string, where finding the canonical key costs a sorted copy of the labels and several.
    private readonly ConcurrentDictionary<(Instrument Instrument, string Tags), MetricSeries> _seriesByTags = new();
    private readonly Lock _collecting = new();

    public PrometheusExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == HostMetrics.MeterName && KindOf(instrument) is { } kind)
            {
                _instruments[instrument] = kind;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out MetricKind _);
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>Observes the gauges and writes every series in Prometheus text exposition format (0.0.4).</summary>
    public string Collect()
    {
        lock (_collecting)
        {
            _listener.RecordObservableInstruments();
            var families = _series
                .GroupBy(s => s.Key.Instrument)
                .Where(g => _instruments.ContainsKey(g.Key))
                .Select(g => new MetricFamily(g.Key, _instruments[g.Key], [.. g.Select(s => s.Value)]))
                .OrderBy(f => f.Instrument.Name, StringComparer.Ordinal);
            return PrometheusText.Write(families, Bounds);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_instruments.TryGetValue(instrument, out var kind))
        {
            return;
        }

        var series = SeriesOf(instrument, tags);
        switch (kind)
        {
            case MetricKind.Counter:
                series.Add(value);
                break;
            case MetricKind.Histogram:
                series.Observe(value, Bounds);
                break;
            default:
                series.Set(value);
                break;
        }
    }

    private MetricSeries SeriesOf(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var passed = TagsKey(tags);
        if (_seriesByTags.TryGetValue((instrument, passed), out var known))
        {
            return known;
        }

        var labels = Labels(tags);
        var key = string.Join('\u001f', labels.Select(l => l.Key + "\u001e" + l.Value));
        var series = _series.GetOrAdd((instrument, key), _ => new MetricSeries(labels, Bounds.Count));
        _seriesByTags.TryAdd((instrument, passed), series);
        return series;
    }

    private static string TagsKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var builder = new System.Text.StringBuilder(64);
        foreach (var (key, value) in tags)
        {
            builder.Append(key).Append('\u001e').Append(Text(value)).Append('\u001f');
        }

        return builder.ToString();
    }

    private static string Text(object? value) =>
        value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Text(tags[i].Value));
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static MetricKind? KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition switch
        {
            _ when definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>) => MetricKind.Counter,
            _ when definition == typeof(ObservableCounter<>) => MetricKind.ObservedCounter,
            _ when definition == typeof(Histogram<>) => MetricKind.Histogram,
            _ when definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>) || definition == typeof(ObservableUpDownCounter<>) => MetricKind.Gauge,
            _ => null,
        };
    }
}
