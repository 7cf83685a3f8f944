using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// The JSON settings for everything Bitrix24 sends and receives: camelCase names, nulls omitted on write,
/// and reading that tolerates PHP's habits (spec §10).
/// </summary>
public static class BitrixJson
{
    /// <summary>Shared, immutable options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NullKeepsDefault.Apply } },
        };

        // Reading as PHP writes: digit strings, 1/0/Y/N flags, "" and false for "nothing", [] for the empty map,
        // lists as objects keyed by index. Writing stays plain JSON.
        options.Converters.Add(new TolerantInt32Converter());
        options.Converters.Add(new TolerantInt64Converter());
        options.Converters.Add(new TolerantBooleanConverter());
        options.Converters.Add(new TolerantStringConverter());
        options.Converters.Add(new TolerantDateTimeOffsetConverter());
        options.Converters.Add(new TolerantNullableConverterFactory());
        options.Converters.Add(new PhpObjectConverter());
        options.Converters.Add(new PhpListConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}
