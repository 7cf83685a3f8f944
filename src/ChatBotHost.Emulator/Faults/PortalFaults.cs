using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.Faults;

/// <summary>
/// Faults injected into REST requests at runtime, from any thread. A fault hits one HTTP request (a batch is one
/// request); a method filter matches the request's method or any method a batch carries. Counted rules are consulted
/// in the order they were armed, then random ones; the first hit wins. Requests refused by the rate limit or held by
/// HoldCalls are not consulted until they pass.
/// </summary>
public sealed class PortalFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _counted = [];
    private readonly List<FaultRule> _random = [];

    /// <summary>The next <paramref name="count"/> requests (of <paramref name="method"/>, when given) fail with <paramref name="fault"/>.</summary>
    public void FailNext(int count, Fault fault, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _counted.Add(FaultRule.Next(fault, Normalize(method), count));
        }
    }

    /// <summary>As <see cref="FailNext(int, Fault, string?)"/> with <see cref="Fault.Of"/>(<paramref name="kind"/>).</summary>
    public void FailNext(int count, FaultKind kind, string? method = null) => FailNext(count, Fault.Of(kind), method);

    /// <summary>
    /// Until <see cref="Clear"/>, each matching request fails with probability <paramref name="ratio"/>: it draws the
    /// next <c>new Random(seed).NextDouble()</c> and fails when that is below the ratio, so a run is reproducible.
    /// </summary>
    public void FailRandomly(double ratio, Fault fault, int seed, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _random.Add(FaultRule.Randomly(fault, Normalize(method), ratio, seed));
        }
    }

    /// <summary>As <see cref="FailRandomly(double, Fault, int, string?)"/> with <see cref="Fault.Of"/>(<paramref name="kind"/>).</summary>
    public void FailRandomly(double ratio, FaultKind kind, int seed, string? method = null) =>
        FailRandomly(ratio, Fault.Of(kind), seed, method);

    /// <summary>Disarms every fault not yet spent.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _counted.Clear();
            _random.Clear();
        }
    }

    /// <summary>The fault this request gets, if any; spends it.</summary>
    internal Fault? Take(IReadOnlyCollection<string> methods)
    {
        lock (_gate)
        {
            var counted = _counted.Find(rule => rule.Hits(methods));
            if (counted is not null)
            {
                if (counted.Exhausted)
                {
                    _counted.Remove(counted);
                }

                return counted.Fault;
            }

            // Every random rule that matches draws, hit or not, so one rule's sequence does not depend on the others.
            Fault? hit = null;
            foreach (var rule in _random)
            {
                if (rule.Hits(methods))
                {
                    hit ??= rule.Fault;
                }
            }

            return hit;
        }
    }

    private static string? Normalize(string? method) => method is null ? null : MethodNames.Normalize(method);
}
