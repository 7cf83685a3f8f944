namespace ChatBotHost.Bench;

/// <summary>What a load run achieved: accepted requests, refused ones, and the latencies of the accepted.</summary>
internal sealed record LoadResult(int Accepted, int Refused, TimeSpan Elapsed, LatencyStats Latency)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{PerSecond,9:F0}/s  p50 {Latency.Percentile(50).TotalMilliseconds,6:F2} ms  p99 {Latency.Percentile(99).TotalMilliseconds,6:F2} ms  ({Accepted} accepted, {Refused} refused)";
}
