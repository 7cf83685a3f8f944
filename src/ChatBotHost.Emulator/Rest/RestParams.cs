using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// Typed reading of request parameters that arrive either as JSON (typed) or as a PHP form/query (all strings,
/// lists as objects keyed 0..n). Booleans accept true/false, "Y"/"N", "1"/"0".
/// </summary>
internal sealed class RestParams(JsonObject values)
{
    public static RestParams Empty => new([]);

    public JsonObject Values { get; } = values;

    public JsonNode? Node(string name) => Values.TryGetPropertyValue(name, out var node) ? node : null;

    public bool Has(string name) => Values.ContainsKey(name);

    public string? String(string name) => Node(name) is JsonValue value ? Scalar(value) : null;

    /// <summary>A non-blank string, or null.</summary>
    public string? Text(string name) => String(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    public int? Int(string name) =>
        String(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public long? Long(string name) =>
        String(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public bool? Bool(string name) => String(name)?.Trim().ToUpperInvariant() switch
    {
        "Y" or "1" or "TRUE" => true,
        "N" or "0" or "FALSE" or "" => false,
        _ => null,
    };

    /// <summary>A nested object; PHP's [] (an empty JSON array) counts as an empty one.</summary>
    public RestParams? Object(string name) => Node(name) switch
    {
        JsonObject obj => new RestParams(obj),
        JsonArray { Count: 0 } => Empty,
        _ => null,
    };

    /// <summary>A list of ints from a JSON array, a form list (object keyed 0..n) or a comma-separated string.</summary>
    public IReadOnlyList<int> IntList(string name)
    {
        IEnumerable<string?> items = Node(name) switch
        {
            JsonArray array => array.Select(n => n is JsonValue v ? Scalar(v) : null),
            JsonObject obj => obj.Select(p => p.Value is JsonValue v ? Scalar(v) : null),
            JsonValue value => Scalar(value).Split(','),
            _ => [],
        };
        return [.. items
            .Select(s => int.TryParse(s?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>()];
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "Y",
        JsonValueKind.False => "N",
        _ => value.ToJsonString(),
    };
}
