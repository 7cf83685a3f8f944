namespace ChatBotHost.State.Redis;

/// <summary>
/// The clock every replica sharing one Redis agrees on: this machine's clock moved by its measured offset from the
/// Redis server's clock. Inbox scores, claim leases and timer due times are written by one replica and compared by
/// another, so a replica whose clock is off would otherwise claim too early, hide events or take over running turns.
/// Timers and timestamps (durations) stay this machine's: only the wall-clock reading is moved.
/// </summary>
internal sealed class RedisAlignedClock(TimeProvider local) : TimeProvider
{
    /// <summary>A sample whose round trip took longer says too little about when the server read its clock.</summary>
    public static readonly TimeSpan MaxRoundTrip = TimeSpan.FromSeconds(1);

    private long _offsetTicks;

    /// <summary>How far the Redis server's clock is ahead of this machine's (negative: behind); zero until measured.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The local clock, for taking a sample.</summary>
    public TimeProvider Local => local;

    public override DateTimeOffset GetUtcNow() => local.GetUtcNow() + Offset;

    public override long GetTimestamp() => local.GetTimestamp();

    public override long TimestampFrequency => local.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => local.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        local.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Takes one sample: the server read <paramref name="serverTime"/> between <paramref name="sentAt"/> and
    /// <paramref name="receivedAt"/> (local times), taken to be halfway. False, and nothing changes, when the round
    /// trip was too slow to tell.
    /// </summary>
    public bool Align(DateTimeOffset sentAt, DateTimeOffset serverTime, DateTimeOffset receivedAt)
    {
        var roundTrip = receivedAt - sentAt;
        if (roundTrip < TimeSpan.Zero || roundTrip > MaxRoundTrip)
        {
            return false;
        }

        Interlocked.Exchange(ref _offsetTicks, (serverTime - (sentAt + (roundTrip / 2))).Ticks);
        return true;
    }
}
