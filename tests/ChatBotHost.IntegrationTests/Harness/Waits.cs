namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>Failure guards for awaited signals: generous, because a slow CI machine is not a failure.</summary>
internal static class Waits
{
    public static readonly TimeSpan Reply = TimeSpan.FromSeconds(20);
}
