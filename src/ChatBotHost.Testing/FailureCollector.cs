namespace ChatBotHost.Testing;

/// <summary>
/// Catches the exception the pipeline logs when a turn fails (the host logs and carries on), so a test can fail with it
/// instead of with a puzzling missing reply.
/// </summary>
internal sealed class FailureCollector : ILoggerProvider
{
    private Exception? _last;

    public Exception? TakeLast() => Interlocked.Exchange(ref _last, null);

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private sealed class Collector(FailureCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                owner._last = exception;
            }
        }
    }
}
