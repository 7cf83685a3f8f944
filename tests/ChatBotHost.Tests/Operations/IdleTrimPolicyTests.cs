using ChatBotHost.Operations.Memory;

namespace ChatBotHost.Tests.Operations;

public class IdleTrimPolicyTests
{
    private const long Mb = 1024 * 1024;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void BusySpellThenQuiet_TrimsOnceTheIdleTimeHasPassed()
    {
        var policy = new IdleTrimPolicy(TimeSpan.FromSeconds(3), Second);
        var allocated = 0L;
        Assert.False(policy.ShouldTrim(allocated));
        for (var busy = 0; busy < 5; busy++)
        {
            Assert.False(policy.ShouldTrim(allocated += 20 * Mb));
        }

        Assert.False(policy.ShouldTrim(allocated += 100_000));
        Assert.False(policy.ShouldTrim(allocated += 100_000));
        Assert.True(policy.ShouldTrim(allocated += 100_000));
        Assert.False(policy.ShouldTrim(allocated += 100_000)); // once per busy spell, not every second of quiet
    }

    [Fact]
    public void ABusySecond_StartsTheIdleTimeAgain()
    {
        var policy = new IdleTrimPolicy(TimeSpan.FromSeconds(3), Second);
        var allocated = 0L;
        policy.ShouldTrim(allocated);
        policy.ShouldTrim(allocated += 64 * Mb);
        policy.ShouldTrim(allocated += 1000);
        policy.ShouldTrim(allocated += 1000);
        Assert.False(policy.ShouldTrim(allocated += 2 * Mb));
        Assert.False(policy.ShouldTrim(allocated += 1000));
        Assert.False(policy.ShouldTrim(allocated += 1000));
        Assert.True(policy.ShouldTrim(allocated += 1000));
    }

    [Fact]
    public void QuietWithLittleAllocatedSinceTheLastTrim_DoesNotTrim()
    {
        var policy = new IdleTrimPolicy(TimeSpan.FromSeconds(2), Second);
        var allocated = 0L;
        policy.ShouldTrim(allocated);
        policy.ShouldTrim(allocated += 500_000);
        Assert.True(policy.ShouldTrim(allocated += 500_000)); // the start-up trim
        for (var second = 0; second < 60; second++)
        {
            Assert.False(policy.ShouldTrim(allocated += 500_000), $"second {second}");
        }
    }

    [Fact]
    public void TheFirstQuietSpellAfterStartUp_TrimsHoweverLittleStartUpAllocated()
    {
        var policy = new IdleTrimPolicy(TimeSpan.FromSeconds(2), Second);
        Assert.False(policy.ShouldTrim(3 * Mb));
        Assert.False(policy.ShouldTrim(3 * Mb));
        Assert.True(policy.ShouldTrim(3 * Mb));
        Assert.False(policy.ShouldTrim(3 * Mb));
    }

    [Fact]
    public void TheQuietRateScalesWithTheSampleInterval()
    {
        // 1.5 MB in 2 s is quiet (0.75 MB/s); 1.5 MB in 1 s is not.
        var slow = new IdleTrimPolicy(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2));
        slow.ShouldTrim(64 * Mb);
        slow.ShouldTrim(64 * Mb + 3 * Mb / 2);
        Assert.True(slow.ShouldTrim(64 * Mb + 3 * Mb));

        var fast = new IdleTrimPolicy(TimeSpan.FromSeconds(2), Second);
        fast.ShouldTrim(64 * Mb);
        fast.ShouldTrim(64 * Mb + 3 * Mb / 2);
        Assert.False(fast.ShouldTrim(64 * Mb + 3 * Mb));
    }
}
