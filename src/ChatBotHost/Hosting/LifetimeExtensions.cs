namespace ChatBotHost.Hosting;

/// <summary>Waiting for the server to listen: webhook URLs and install handlers need its address.</summary>
internal static class LifetimeExtensions
{
    /// <summary>
    /// True once the server listens; false when the host stops first (it could not bind its port, say). Not a
    /// cancellation: a host that fails to start cancels its background services without calling StopAsync, and the
    /// generic host then logs their cancellation as a failure, burying the real reason under stack traces.
    /// </summary>
    public static async Task<bool> WaitUntilStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        using var onStopping = cancellationToken.Register(() => started.TrySetResult(false));
        return await started.Task;
    }
}
