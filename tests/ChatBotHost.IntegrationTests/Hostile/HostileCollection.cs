namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// The suite runs alone, after the parallel tests: it measures the process's CPU time, allocations and working set
/// per request, and another test running beside it would be counted as the host's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "hostile";
}
