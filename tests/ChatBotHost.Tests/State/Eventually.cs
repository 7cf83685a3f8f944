namespace ChatBotHost.Tests.State;

/// <summary>
/// Waits for a condition that background work (a continuation of a fake-clock timer) makes true. The wait ends as soon
/// as the condition holds; the deadline only turns a hang into a failure, it is never what the test relies on.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Deadline)
            {
                Assert.Fail($"Still waiting after {Deadline.TotalSeconds} s for: {what}");
            }

            await Task.Delay(1);
        }
    }
}
