using Microsoft.Extensions.Logging;

namespace ChatBotHost.Bitrix.Tests.Client;

/// <summary>Keeps every formatted log line (and exception text) so tests can check what leaks into logs.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
