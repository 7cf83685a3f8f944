namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Everything one run of the suite saw, for the table and the verdict.</summary>
internal sealed record HostileRun(
    int Seed,
    int Planned,
    IReadOnlyList<HostileOutcome> Outcomes,
    IReadOnlyList<ValidEvent> Valid,
    IReadOnlyList<SlowOutcome> Slow,
    TimeSpan OutageLength,
    long WorkingSetBefore,
    long WorkingSetAfter,
    long WorkingSetPeak,
    long HeapAfter,
    TimeSpan Elapsed);
