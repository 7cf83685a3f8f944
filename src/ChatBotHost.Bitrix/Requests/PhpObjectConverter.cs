using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests;

/// <summary>
/// Reads a JSON object that PHP may have written as an array: <c>[]</c> is an empty object and
/// <c>[a, b]</c> the object keyed "0", "1" (PHP arrays with sequential keys serialize as lists; spec §2.5).
/// </summary>
internal sealed class PhpObjectConverter : JsonConverter<JsonObject>
{
    /// <inheritdoc />
    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ToObject(JsonNode.Parse(ref reader));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) => value.WriteTo(writer, options);

    /// <summary>The node as an object: arrays become index-keyed objects, null stays null, scalars are rejected.</summary>
    /// <remarks>DeepClone recurses as deep as the node goes: nodes come from parses held to a depth of 64.</remarks>
    public static JsonObject? ToObject(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return obj;
            case JsonArray array:
                var result = new JsonObject();
                for (var i = 0; i < array.Count; i++)
                {
                    result[i.ToString(CultureInfo.InvariantCulture)] = array[i]?.DeepClone();
                }

                return result;
            default:
                throw new JsonException($"Expected an object, got {node.GetValueKind()}.");
        }
    }
}
