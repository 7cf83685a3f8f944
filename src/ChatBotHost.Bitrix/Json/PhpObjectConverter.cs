using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads JsonObject from an object, and from an array as PHP means it: an array is a map, so [] is the
/// empty object and a list becomes an object keyed "0", "1", …; "" and false read as null.
/// </summary>
internal sealed class PhpObjectConverter : JsonConverter<JsonObject>
{
    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return JsonNode.Parse(ref reader)!.AsObject();
            case JsonTokenType.StartArray:
                return FromList(JsonNode.Parse(ref reader)!.AsArray());
            case JsonTokenType.False:
                return null;
            case JsonTokenType.String when PhpScalar.IsEmptyString(ref reader):
                return null;
            default:
                throw new JsonException("Expected an object.");
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) =>
        value.WriteTo(writer, options);

    // The serializer reading this holds the input to its MaxDepth (64, the default), so DeepClone's recursion is bounded.
    private static JsonObject FromList(JsonArray list)
    {
        var result = new JsonObject();
        for (var i = 0; i < list.Count; i++)
        {
            result[i.ToString(CultureInfo.InvariantCulture)] = list[i]?.DeepClone();
        }

        return result;
    }
}
