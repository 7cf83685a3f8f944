namespace ChatBotHost.Bench;

/// <summary>What a load run achieved: accepted requests, refused ones, and the latencies of the accepted.</summary>
internal sealed record LoadResult(int Accepted, int Refused, TimeSpan Elapsed, LatencyStats Latency)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    /// <summary>CPU time this process spent during the run (load generator included, the same for every target).</summary>
    public TimeSpan Cpu { get; init; }

    public double CpuMicrosecondsPerRequest => Cpu.TotalMicroseconds / Math.Max(1, Accepted + Refused);

    /// <summary>Several runs against one target as if they were one: counts and time added, latencies pooled.</summary>
    public static LoadResult Combine(IReadOnlyCollection<LoadResult> runs) => new(
        runs.Sum(r => r.Accepted),
        runs.Sum(r => r.Refused),
        TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
        new LatencyStats([.. runs.SelectMany(r => r.Latency.Samples)])) { Cpu = TimeSpan.FromTicks(runs.Sum(r => r.Cpu.Ticks)) };

    public override string ToString() =>
        $"{PerSecond,9:F0}/s  p50 {Latency.Percentile(50).TotalMilliseconds,6:F2} ms  p99 {Latency.Percentile(99).TotalMilliseconds,6:F2} ms  ({Accepted} accepted, {Refused} refused, {CpuMicrosecondsPerRequest:F0} µs CPU each)";
}
