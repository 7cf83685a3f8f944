using Microsoft.Extensions.Time.Testing;

namespace ChatBotHost.Testing;

/// <summary>
/// A clock that moves only when a test says so; timers of the bot under test fire when it passes their due time.
/// It is Microsoft.Extensions.TimeProvider.Testing's <see cref="FakeTimeProvider"/> behind the kit's own small API:
/// <see cref="TimeProvider.CreateTimer"/> timers and <c>Task.Delay</c> on this clock fire inside <see cref="Advance"/>,
/// in due order, and timestamps move with the clock. Such a callback sees the time the clock was advanced to; the bot's
/// own timers see their due time, because <c>Conversation.Wait</c> stops the clock at each of them.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    // Wrapped rather than exposed: the kit moves time itself (Conversation.Wait stops at each bot timer's due time),
    // so the fake's setters that jump or auto-advance the clock stay out of the authors' way.
    private readonly FakeTimeProvider _time = new(start);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _time.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _time.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _time.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward, firing the timers that fall due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        _time.Advance(by);
    }
}
