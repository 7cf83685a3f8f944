namespace ChatBotHost.Operations.Memory;

/// <summary>
/// Decides when a trim pays off: after the host allocated at least <see cref="WorthTrimmingBytes"/> since the last
/// trim (a busy spell, for which the collector grew its heap) and has then allocated next to nothing for the idle time.
/// An idle host still allocates a little (timers, health probes, fetch polls), hence a rate rather than zero.
/// The first quiet spell after start-up trims whatever start-up allocated: configuration, the container, registration
/// and the bots folder leave several MB of garbage and a grown gen 0 behind (measured: 5 MB of the idle resident
/// memory), and a host that starts and then waits for its first message would otherwise keep them indefinitely.
/// </summary>
internal sealed class IdleTrimPolicy(TimeSpan idleAfter, TimeSpan sampleInterval)
{
    /// <summary>Allocations below this per second count as quiet (an idle host allocates some tens of KB a second).</summary>
    public const long QuietBytesPerSecond = 1024 * 1024;

    /// <summary>Less than this since the last trim is not worth another full collection.</summary>
    public const long WorthTrimmingBytes = 32L * 1024 * 1024;

    private readonly long _quietBytesPerSample = (long)(QuietBytesPerSecond * Math.Max(sampleInterval.TotalSeconds, 0.001));
    private long? _lastAllocated;
    private long _allocatedAtTrim;
    private TimeSpan _quietFor;
    private bool _trimmedSinceStart;

    /// <summary>Takes the process's total allocated bytes, read every sample interval; true when it is time to trim.</summary>
    public bool ShouldTrim(long totalAllocatedBytes)
    {
        if (_lastAllocated is not { } last)
        {
            _lastAllocated = totalAllocatedBytes; // what start-up allocated counts: the first quiet spell may trim it
            return false;
        }

        _lastAllocated = totalAllocatedBytes;
        _quietFor = totalAllocatedBytes - last < _quietBytesPerSample ? _quietFor + sampleInterval : TimeSpan.Zero;
        if (_quietFor < idleAfter || (_trimmedSinceStart && totalAllocatedBytes - _allocatedAtTrim < WorthTrimmingBytes))
        {
            return false;
        }

        _trimmedSinceStart = true;
        _allocatedAtTrim = totalAllocatedBytes;
        return true;
    }
}
