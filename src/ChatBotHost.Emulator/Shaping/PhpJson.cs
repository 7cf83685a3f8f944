using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>What PHP's json_encode does with arrays: empty maps become [], 0..n-1 keyed maps become lists.</summary>
internal static class PhpJson
{
    public static JsonArray EmptyMap() => [];

    public static JsonNode MapOrEmpty(JsonObject map) => map.Count == 0 ? EmptyMap() : map;

    /// <summary>Builds a PHP array from ordered entries and encodes it as json_encode would.</summary>
    public static JsonNode Array(IReadOnlyList<KeyValuePair<string, JsonNode?>> entries)
    {
        var isList = true;
        for (var i = 0; i < entries.Count && isList; i++)
        {
            isList = string.Equals(entries[i].Key, i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (isList)
        {
            return new JsonArray([.. entries.Select(e => e.Value)]);
        }

        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
