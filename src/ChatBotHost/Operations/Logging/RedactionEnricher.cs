using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.Operations.Logging;

/// <summary>Masks secrets in every property of every log event, before any sink (also those from configuration) sees it.</summary>
internal sealed class RedactionEnricher(SecretMask mask) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var secrets = mask.Known();
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value, secrets);
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

    private static LogEventPropertyValue Mask(LogEventPropertyValue value, IReadOnlyList<string> secrets) => value switch
    {
        ScalarValue { Value: string text } => Changed(text, secrets) is { } masked ? new ScalarValue(masked) : value,
        ScalarValue { Value: Uri uri } => Changed(uri.ToString(), secrets) is { } masked ? new ScalarValue(masked) : value,
        SequenceValue sequence => MaskAll(sequence.Elements, secrets, out var elements) ? new SequenceValue(elements) : value,
        StructureValue structure => MaskProperties(structure, secrets, out var properties) ? new StructureValue(properties, structure.TypeTag) : value,
        DictionaryValue dictionary => MaskEntries(dictionary, secrets, out var entries) ? new DictionaryValue(entries) : value,
        _ => value,
    };

    private static string? Changed(string text, IReadOnlyList<string> secrets)
    {
        var masked = SecretMask.Apply(text, secrets);
        return ReferenceEquals(masked, text) ? null : masked;
    }

    private static bool MaskAll(IReadOnlyList<LogEventPropertyValue> values, IReadOnlyList<string> secrets, out LogEventPropertyValue[] masked)
    {
        masked = [.. values.Select(v => Mask(v, secrets))];
        return masked.Where((m, i) => !ReferenceEquals(m, values[i])).Any();
    }

    private static bool MaskProperties(StructureValue structure, IReadOnlyList<string> secrets, out LogEventProperty[] properties)
    {
        properties = [.. structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value, secrets)))];
        return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any();
    }

    private static bool MaskEntries(DictionaryValue dictionary, IReadOnlyList<string> secrets, out KeyValuePair<ScalarValue, LogEventPropertyValue>[] entries)
    {
        entries = [.. dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Mask(e.Value, secrets)))];
        return entries.Zip(dictionary.Elements).Any(pair => !ReferenceEquals(pair.First.Value, pair.Second.Value));
    }
}
