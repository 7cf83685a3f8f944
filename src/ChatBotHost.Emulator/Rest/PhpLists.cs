using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Turns form-decoded lists (objects keyed "0".."n-1") back into arrays, and JSON strings into trees.</summary>
internal static class PhpLists
{
    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj when IsList(obj) => new JsonArray([.. obj.Select(p => Normalize(p.Value))]),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Normalize)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Parses a value that may be given as a JSON string (keyboard, attach); null when it is not JSON.</summary>
    public static JsonNode? ParseJsonString(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsList(JsonObject obj)
    {
        var index = 0;
        foreach (var (key, _) in obj)
        {
            if (!string.Equals(key, index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return false;
            }

            index++;
        }

        return index > 0;
    }
}
