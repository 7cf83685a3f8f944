namespace ChatBotHost.Inbox;

/// <summary>
/// Runs one store call of the claim-and-settle path (claim, ack, defer, release, dead letter) with a time limit, so a
/// store that stops answering cannot hold a worker slot, or the claiming loop, for ever. With Redis each command is
/// already bounded by the client's asyncTimeout (its RedisTimeoutException is a TimeoutException too), but one store
/// call may be several commands, and the inbox does not depend on which store it runs on: this bounds the whole call.
/// </summary>
internal static class BoundedStoreCall
{
    /// <summary>
    /// Redis answers these calls in milliseconds; one that has not answered by then is not going to soon. Past it the
    /// worker gives up waiting (the command itself may still run): the claim runs out and the event comes back, the
    /// at-least-once path. Short next to Inbox:ClaimLease (30 s), so the slot is free long before the claim ends.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <exception cref="TimeoutException">The store did not answer within <see cref="Timeout"/>.</exception>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeProvider time, string what)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var limit = new CancellationTokenSource(Timeout, time);
        try
        {
            // WaitAsync as well: the limit must hold even for a store that does not watch its token.
            return await call(limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"The inbox store did not answer {what} within {Timeout.TotalSeconds} s.", ex);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public static Task RunAsync(Func<CancellationToken, Task> call, TimeProvider time, string what) =>
        RunAsync(
            async ct =>
            {
                await call(ct);
                return true;
            },
            time,
            what);
}
