using System.Diagnostics.Metrics;

namespace ChatBotHost.Operations.Metrics;

/// <summary>An instrument and all its series, written as one Prometheus metric family.</summary>
internal sealed record MetricFamily(Instrument Instrument, MetricKind Kind, IReadOnlyList<MetricSeries> Series);
