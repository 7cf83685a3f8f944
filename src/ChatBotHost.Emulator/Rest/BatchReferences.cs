using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// $result[name], $result[name][field] (and deeper, [0][ID]) inside a batch command's parameters: replaced by what the
/// earlier command of that name returned, as Bitrix24 does before running the command. A value that is nothing but
/// a reference takes the referenced value as it is (an object or list becomes nested parameters); a reference inside
/// longer text is written as text. A reference to a command that failed, did not run yet, or to a field it lacks stays
/// as written, so the command fails visibly instead of acting on an empty value.
/// </summary>
internal static partial class BatchReferences
{
    public static JsonObject Substitute(JsonObject parameters, IReadOnlyDictionary<string, JsonNode?> results)
    {
        var substituted = new JsonObject();
        foreach (var (key, value) in parameters.ToList())
        {
            parameters.Remove(key);
            substituted[key] = Walk(value, results);
        }

        return substituted;
    }

    private static JsonNode? Walk(JsonNode? node, IReadOnlyDictionary<string, JsonNode?> results)
    {
        switch (node)
        {
            case JsonObject obj:
                return Substitute(obj, results);
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                return new JsonArray([.. items.Select(item => Walk(item, results))]);
            case JsonValue value when value.TryGetValue(out string? text) && text.Contains("$result[", StringComparison.Ordinal):
                return Resolve(text, results);
            default:
                return node;
        }
    }

    private static JsonNode? Resolve(string text, IReadOnlyDictionary<string, JsonNode?> results)
    {
        var whole = Reference().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Lookup(whole, results, out var found) ? found?.DeepClone() : JsonValue.Create(text);
        }

        return JsonValue.Create(Reference().Replace(text, match =>
            Lookup(match, results, out var found) ? AsText(found) : match.Value));
    }

    private static bool Lookup(Match match, IReadOnlyDictionary<string, JsonNode?> results, out JsonNode? found)
    {
        found = null;
        if (!results.TryGetValue(match.Groups["name"].Value, out var current))
        {
            return false;
        }

        foreach (Capture step in match.Groups["path"].Captures)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(step.Value, out var child) => child,
                JsonArray array when int.TryParse(step.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return false;
            }
        }

        found = current;
        return true;
    }

    // As PHP writes a value into a string: true → "1", false and null → "".
    private static string AsText(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "1",
        JsonValue value when value.GetValueKind() is JsonValueKind.False or JsonValueKind.Null => "",
        null => "",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\$result\[(?<name>[^\[\]]+)\](?:\[(?<path>[^\[\]]*)\])*", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
