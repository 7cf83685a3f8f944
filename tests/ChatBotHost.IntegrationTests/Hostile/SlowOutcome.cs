using System.Globalization;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>How a slow sender ended: whether the host cut it, what it answered, and after how long.</summary>
internal sealed record SlowOutcome(string Target, string What, bool Cut, string Answer, TimeSpan Elapsed, int BytesTrickled, TimeSpan Bound)
{
    public bool WithinBound => Cut && Elapsed <= Bound;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"slow {What,-7} -> {Target,-14} {(Cut ? "cut" : "NOT CUT"),-7} after {Elapsed.TotalSeconds,5:F1} s (bound {Bound.TotalSeconds:F0} s), {BytesTrickled} bytes trickled, answer: {Answer}");
}
