namespace ChatBotHost.Operations.Metrics;

/// <summary>One time series: an instrument with one set of label values, and what its measurements added up to.</summary>
internal sealed class MetricSeries(IReadOnlyList<KeyValuePair<string, string>> labels, int buckets)
{
    private readonly Lock _lock = new();
    private readonly long[] _buckets = new long[buckets];
    private double _value;
    private long _count;

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

    public void Add(double value)
    {
        lock (_lock)
        {
            _value += value;
        }
    }

    public void Set(double value)
    {
        lock (_lock)
        {
            _value = value;
        }
    }

    /// <summary>Counts a histogram measurement in the first bucket whose upper bound holds it (beyond the last: only in the count).</summary>
    public void Observe(double value, IReadOnlyList<double> bounds)
    {
        lock (_lock)
        {
            _value += value;
            _count++;
            for (var i = 0; i < bounds.Count; i++)
            {
                if (value <= bounds[i])
                {
                    _buckets[i]++;
                    break;
                }
            }
        }
    }

    /// <summary>The value (a histogram's sum), the count, and the non-cumulative bucket counts, read together.</summary>
    public (double Value, long Count, long[] Buckets) Read()
    {
        lock (_lock)
        {
            return (_value, _count, [.. _buckets]);
        }
    }
}
