namespace ChatBotHost.Operations.Metrics;

/// <summary>How an instrument's measurements add up, and how Prometheus types it.</summary>
internal enum MetricKind
{
    /// <summary>Each measurement adds to the total (Counter, UpDownCounter).</summary>
    Counter,

    /// <summary>Each measurement is the running total (ObservableCounter).</summary>
    ObservedCounter,

    /// <summary>Each measurement is the current value (gauges, ObservableUpDownCounter).</summary>
    Gauge,

    /// <summary>Each measurement falls into buckets.</summary>
    Histogram,
}
