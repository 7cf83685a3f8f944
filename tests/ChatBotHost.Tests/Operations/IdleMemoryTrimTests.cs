using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Operations.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Operations;

public class IdleMemoryTrimTests
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public async Task AfterABurstAndFiveQuietSeconds_CollectsOnce()
    {
        var clock = new FakeTimeProvider();
        var collector = new ScriptedCollector();
        var options = Options.Create(new ChatBotHostOptions { Memory = { IdleAfter = TimeSpan.FromSeconds(5) } });
        using var trim = new IdleMemoryTrim(options, collector, clock, NullLogger<IdleMemoryTrim>.Instance);
        await trim.StartAsync(CancellationToken.None);
        await collector.WaitForReadsAsync(1);

        collector.Allocate(200 * Mb); // the burst
        await TickAsync(clock, collector);
        for (var quiet = 1; quiet <= 4; quiet++)
        {
            collector.Allocate(50_000);
            await TickAsync(clock, collector);
            Assert.Equal(0, collector.Collections);
        }

        collector.Allocate(50_000);
        await TickAsync(clock, collector);
        Assert.Equal(1, collector.Collections);

        for (var quiet = 0; quiet < 10; quiet++)
        {
            await TickAsync(clock, collector);
        }

        Assert.Equal(1, collector.Collections);
        await trim.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void TheSetting_SwitchesTheServiceOnAndOff(string? value, bool registered)
    {
        var settings = new Dictionary<string, string?>();
        if (value is not null)
        {
            settings["ChatBotHost:Memory:TrimWhenIdle"] = value;
        }

        var services = new ServiceCollection().AddIdleMemoryTrim(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(registered, services.Any(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(IdleMemoryTrim)));
    }

    [Fact]
    public void ANonPositiveIdleTime_IsRefusedNamingTheKey()
    {
        var options = new ChatBotHostOptions { Memory = { IdleAfter = TimeSpan.Zero } };

        var result = new ChatBotHostOptionsValidator(new BotCatalog([])).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("ChatBotHost:Memory:IdleAfter", StringComparison.Ordinal));
    }

    private static async Task TickAsync(FakeTimeProvider clock, ScriptedCollector collector)
    {
        var reads = collector.Reads;
        clock.Advance(IdleMemoryTrim.SampleInterval);
        await collector.WaitForReadsAsync(reads + 1);
    }

    [Fact]
    public void NativeHeapTrim_OnThisMachine_FindsTheCLibraryAndReturns()
    {
        // The C library is resolved at the first call: a name it cannot find would fail the idle trim, and with it the host.
        NativeHeap.Trim();
        NativeHeap.Trim();
    }

    private sealed class ScriptedCollector : IGarbageCollector
    {
        private long _allocated;
        private int _reads;
        private int _collections;

        public int Reads => Volatile.Read(ref _reads);

        public int Collections => Volatile.Read(ref _collections);

        public long TotalAllocatedBytes
        {
            get
            {
                var allocated = Interlocked.Read(ref _allocated);
                Interlocked.Increment(ref _reads);
                return allocated;
            }
        }

        public void Allocate(long bytes) => Interlocked.Add(ref _allocated, bytes);

        public void CollectAndDecommit() => Interlocked.Increment(ref _collections);

        /// <summary>The service reads on its own thread; the deadline only turns a hang into a failure.</summary>
        public async Task WaitForReadsAsync(int reads)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Reads < reads)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The service made {Reads} reads, expected {reads}");
                await Task.Delay(1);
            }
        }
    }
}
