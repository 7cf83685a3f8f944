using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads a list from a JSON array, from an object keyed "0", "1", … (how a PHP form tree carries a list),
/// and from false or "" (PHP's "nothing") as the empty list.
/// </summary>
internal sealed class PhpListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, options);
            case JsonTokenType.StartObject:
                return ReadKeyed(ref reader, options);
            case JsonTokenType.False:
                return [];
            case JsonTokenType.String when PhpScalar.IsEmptyString(ref reader):
                return [];
            default:
                throw new JsonException("Expected a list.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }

    private static T[] ReadArray(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        return [.. items];
    }

    private static T[] ReadKeyed(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var items = new List<(string Key, T Value)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            items.Add((key, JsonSerializer.Deserialize<T>(ref reader, options)!));
        }

        // A form keeps the sender's order, which is already index order; sorting only matters for hand-made input.
        var allIndexed = items.TrueForAll(item => int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var ordered = allIndexed ? items.OrderBy(item => int.Parse(item.Key, CultureInfo.InvariantCulture)) : items.AsEnumerable();
        return [.. ordered.Select(item => item.Value)];
    }
}
