using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>A log sink keeping every event as the host's sinks receive it: rendered message, each property, the exception.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Every piece of text a sink could write for the event.</summary>
    public static IEnumerable<string> TextOf(LogEvent logEvent)
    {
        yield return logEvent.RenderMessage(CultureInfo.InvariantCulture);
        foreach (var (name, value) in logEvent.Properties)
        {
            yield return $"{name}={value.ToString(null, CultureInfo.InvariantCulture)}";
        }

        if (logEvent.Exception is { } exception)
        {
            yield return exception.ToString();
        }
    }
}
