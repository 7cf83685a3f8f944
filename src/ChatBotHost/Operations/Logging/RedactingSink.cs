using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.Operations.Logging;

/// <summary>
/// Hands events on to the host's sinks with the secrets masked in the attached exception too (an enricher cannot
/// replace it): an exception whose text holds a secret is replaced by a <see cref="RedactedException"/> of the masked text.
/// </summary>
internal sealed class RedactingSink(ILogEventSink inner, SecretMask mask) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is { } exception && exception.ToString() is var original && mask.Apply(original) is var text && !ReferenceEquals(text, original))
        {
            logEvent = new LogEvent(
                logEvent.Timestamp,
                logEvent.Level,
                new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, text),
                logEvent.MessageTemplate,
                logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
                logEvent.TraceId ?? default,
                logEvent.SpanId ?? default);
        }

        inner.Emit(logEvent);
    }
}
