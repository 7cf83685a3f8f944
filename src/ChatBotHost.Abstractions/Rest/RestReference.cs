using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>
/// A <c>$result[name]</c> or <c>$result[name][field]…</c> reference inside a batch command's parameter value: Bitrix24
/// replaces it with that earlier command's result (or a field of it) before the command runs.
/// </summary>
/// <param name="Text">The reference as written.</param>
/// <param name="Command">The referenced command's name.</param>
/// <param name="Path">The fields (or list indexes) to follow inside its result.</param>
public sealed partial record RestReference(string Text, string Command, IReadOnlyList<string> Path)
{
    /// <summary>Every reference in a string value.</summary>
    public static IEnumerable<RestReference> In(string value) =>
        Pattern().Matches(value).Select(m => new RestReference(
            m.Value, m.Groups["name"].Value, [.. m.Groups["field"].Captures.Select(c => c.Value)]));

    /// <summary>Every string value under <paramref name="node"/>, with its references, in document order.</summary>
    public static IEnumerable<(JsonValue Value, string Text)> StringsIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue(out string? text):
                yield return (value, text);
                break;
            case JsonObject obj:
                foreach (var found in obj.SelectMany(p => StringsIn(p.Value)))
                {
                    yield return found;
                }

                break;
            case JsonArray array:
                foreach (var found in array.SelectMany(StringsIn))
                {
                    yield return found;
                }

                break;
        }
    }

    /// <summary>Builds the reference text for a command's result, or a field path inside it.</summary>
    public static string To(string command, params string[] path) =>
        $"$result[{command}]" + string.Concat(path.Select(field => $"[{field}]"));

    [GeneratedRegex(@"\$result\[(?<name>[^\[\]]+)\](?:\[(?<field>[^\[\]]*)\])*")]
    private static partial Regex Pattern();
}
