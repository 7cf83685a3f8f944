namespace ChatBotHost.State.Redis;

/// <summary>
/// Measures this replica's clock against the Redis server's (TIME) at start and every minute, and moves
/// <see cref="RedisAlignedClock"/> by the difference, so replicas with drifting clocks still agree on lease ends and
/// due times. A failed sample keeps the last offset; Redis being down is reported by the stores themselves.
/// </summary>
internal sealed partial class RedisClockAlignment(RedisConnection connection, RedisAlignedClock clock, ILogger<RedisClockAlignment> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // An offset this large means a clock that is really wrong: worth an operator's attention even though it is corrected.
    private static readonly TimeSpan NotableOffset = TimeSpan.FromSeconds(1);

    /// <summary>Takes one sample; false when Redis did not answer or answered too slowly.</summary>
    public async Task<bool> AlignOnceAsync(CancellationToken cancellationToken)
    {
        var sentAt = clock.Local.GetUtcNow();
        var reply = await connection.ExecuteAsync(database => database.ExecuteAsync("TIME"), cancellationToken);
        var receivedAt = clock.Local.GetUtcNow();
        var parts = (StackExchange.Redis.RedisValue[])reply!;
        var serverTime = DateTimeOffset.FromUnixTimeSeconds((long)parts[0]).AddTicks((long)parts[1] * 10);
        var before = clock.Offset;
        if (!clock.Align(sentAt, serverTime, receivedAt))
        {
            return false;
        }

        if (clock.Offset.Duration() >= NotableOffset && (clock.Offset - before).Duration() >= NotableOffset)
        {
            LogLargeOffset(logger, clock.Offset);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AlignOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSampleFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, clock.Local, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This replica's clock is {Offset} behind the Redis server's (negative: ahead); the host corrects for it, but the machine's time sync looks broken")]
    private static partial void LogLargeOffset(ILogger logger, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Measuring the clock against Redis failed; the last offset is kept")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
