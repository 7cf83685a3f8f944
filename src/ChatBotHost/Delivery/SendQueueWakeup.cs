namespace ChatBotHost.Delivery;

/// <summary>
/// How a portal outbox's loop sleeps: until it is woken (a call or poll arrived, a request slot came free) or until the
/// earliest retry or poll is due, whichever comes first.
/// </summary>
internal sealed class SendQueueWakeup
{
    private TaskCompletionSource? _next;

    /// <summary>Under the owner's lock: the task the next <see cref="Wake"/> completes.</summary>
    public Task Next() => (_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Under the owner's lock: ends the current wait.</summary>
    public void Wake()
    {
        _next?.TrySetResult();
        _next = null;
    }

    /// <summary>Outside the lock: waits for <paramref name="next"/>, or until <paramref name="due"/> on the clock.</summary>
    public static async Task WaitAsync(Task next, DateTimeOffset? due, TimeProvider time, CancellationToken stopping)
    {
        var delay = due is { } at ? at - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (due is not null && delay <= TimeSpan.Zero)
        {
            return;
        }

        // Task.Delay counts whole milliseconds: a fraction left over would end the wait at once, before the retry is due.
        delay = due is null ? delay : TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        await Task.WhenAny(next, Task.Delay(delay, time, stopWaiting.Token));
        await stopWaiting.CancelAsync();
    }
}
