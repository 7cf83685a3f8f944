namespace ChatBotHost.Bench;

/// <summary>Percentiles of a set of measured latencies.</summary>
internal sealed class LatencyStats(IReadOnlyCollection<TimeSpan> samples)
{
    private readonly TimeSpan[] _sorted = samples.Order().ToArray();

    public int Count => _sorted.Length;

    public IReadOnlyList<TimeSpan> Samples => _sorted;

    public TimeSpan Percentile(double p)
    {
        if (_sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var index = (int)Math.Ceiling(p / 100 * _sorted.Length) - 1;
        return _sorted[Math.Clamp(index, 0, _sorted.Length - 1)];
    }
}
