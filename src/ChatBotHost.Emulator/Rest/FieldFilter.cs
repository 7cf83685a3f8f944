using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// The simple part of Bitrix24's list filters, over records with upper-case keys: {"FIELD": value} (or "=FIELD") is
/// equality, "!FIELD" / "!=FIELD" inequality; a list value matches any of its items. Text compares ignoring case (as the
/// portal's database does); booleans match Y/N, 1/0 and true/false.
/// </summary>
internal static class FieldFilter
{
    public static bool Matches(JsonObject record, IEnumerable<KeyValuePair<string, JsonNode?>> filter) =>
        filter.All(condition => Matches(record, condition.Key, condition.Value));

    private static bool Matches(JsonObject record, string key, JsonNode? wanted)
    {
        var negate = key.StartsWith('!');
        var field = key.TrimStart('!', '=').ToUpperInvariant();
        var actual = record.TryGetPropertyValue(field, out var value) ? Text(value) : null;
        IEnumerable<JsonNode?> options = wanted switch
        {
            JsonArray list => list,
            JsonObject map => map.Select(p => p.Value),
            _ => [wanted],
        };
        var hit = options.Any(option => string.Equals(actual, Text(option), StringComparison.OrdinalIgnoreCase));
        return hit != negate;
    }

    /// <summary>A value as the filter compares it; booleans as "Y"/"N".</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Boolean(value.GetValue<string>()) ?? value.GetValue<string>(),
            JsonValueKind.True => "Y",
            JsonValueKind.False => "N",
            JsonValueKind.Null => null,
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string? Boolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" => "Y",
        "FALSE" => "N",
        _ => null,
    };
}
