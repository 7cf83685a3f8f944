using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.Operations.Logging;

/// <summary>Masks secrets in every property of every log event, before any sink (also those from configuration) sees it.</summary>
internal sealed class RedactionEnricher(SecretMask mask) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    private LogEventPropertyValue Mask(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => Changed(text) is { } masked ? new ScalarValue(masked) : value,
        ScalarValue { Value: Uri uri } => Changed(uri.ToString()) is { } masked ? new ScalarValue(masked) : value,
        SequenceValue sequence => MaskAll(sequence.Elements, out var elements) ? new SequenceValue(elements) : value,
        StructureValue structure => MaskProperties(structure, out var properties) ? new StructureValue(properties, structure.TypeTag) : value,
        DictionaryValue dictionary => MaskEntries(dictionary, out var entries) ? new DictionaryValue(entries) : value,
        _ => value,
    };

    private string? Changed(string text)
    {
        var masked = mask.Apply(text);
        return ReferenceEquals(masked, text) ? null : masked;
    }

    private bool MaskAll(IReadOnlyList<LogEventPropertyValue> values, out LogEventPropertyValue[] masked)
    {
        masked = [.. values.Select(Mask)];
        return masked.Where((m, i) => !ReferenceEquals(m, values[i])).Any();
    }

    private bool MaskProperties(StructureValue structure, out LogEventProperty[] properties)
    {
        properties = [.. structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value)))];
        return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any();
    }

    private bool MaskEntries(DictionaryValue dictionary, out KeyValuePair<ScalarValue, LogEventPropertyValue>[] entries)
    {
        entries = [.. dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Mask(e.Value)))];
        return entries.Zip(dictionary.Elements).Any(pair => !ReferenceEquals(pair.First.Value, pair.Second.Value));
    }
}
