namespace ChatBotHost.Delivery;

/// <summary>
/// Flushes the outbox when the host stops. Registered before the intake and the timers, so it stops after them
/// (the host stops services in reverse order): the replies of the last turns are still sent, within the host's
/// shutdown timeout.
/// </summary>
internal sealed partial class SendQueueFlushService(SendQueue outbox, ILogger<SendQueueFlushService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = outbox.Pending;
        if (pending == 0)
        {
            return;
        }

        LogFlushing(logger, pending);
        var left = await outbox.DrainAsync(cancellationToken);
        if (left > 0)
        {
            LogUnsent(logger, left);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: sending the {Pending} call(s) still in the outbox")]
    private static partial void LogFlushing(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping: the shutdown timeout ran out with {Left} call(s) unsent; they are lost unless their events are delivered again")]
    private static partial void LogUnsent(ILogger logger, int left);
}
