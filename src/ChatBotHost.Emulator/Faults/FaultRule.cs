namespace ChatBotHost.Emulator.Faults;

/// <summary>One armed fault: for the next N matching requests, or for a seeded share of them. Guarded by PortalFaults.</summary>
internal sealed class FaultRule(Fault fault, string? method, int remaining, double ratio, Random? random)
{
    public Fault Fault { get; } = fault;

    public bool Exhausted => random is null && remaining <= 0;

    public static FaultRule Next(Fault fault, string? method, int count) => new(fault, method, count, 1, null);

    public static FaultRule Randomly(Fault fault, string? method, double ratio, int seed) =>
        new(fault, method, 0, ratio, new Random(seed));

    /// <summary>Whether this request is hit; a counted rule spends one, a random rule draws one number per matching request.</summary>
    public bool Hits(IReadOnlyCollection<string> methods)
    {
        if (method is not null && !methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (random is not null)
        {
            return random.NextDouble() < ratio;
        }

        if (remaining <= 0)
        {
            return false;
        }

        remaining--;
        return true;
    }
}
