using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Rest;

/// <summary>
/// Fills in the <c>$result[name][field]</c> references of a batch command whose referenced command went in an earlier
/// request, from that command's result — the portal can resolve only references within one request. A reference that
/// is the whole value is replaced by the referenced JSON (an object stays an object); one inside a longer text by its
/// text. References to commands of the same request are left for the portal.
/// </summary>
internal static class RestReferenceFiller
{
    /// <summary>The command's parameters with the references filled in.</summary>
    /// <exception cref="BitrixApiException">
    /// <see cref="RestErrors.UnresolvedReference"/>: the referenced command failed or did not run, or its result lacks the field.
    /// </exception>
    public static JsonObject Fill(RestCommand command, IReadOnlyDictionary<string, RestCommandResult> earlier, IReadOnlySet<string> sameRequest)
    {
        var parameters = (JsonObject)command.Parameters.DeepClone();
        foreach (var (value, text) in RestReference.StringsIn(parameters).ToList())
        {
            var references = RestReference.In(text).Where(r => !sameRequest.Contains(r.Command)).ToList();
            if (references.Count == 0)
            {
                continue;
            }

            if (references.Count == 1 && references[0].Text == text)
            {
                Replace(value, Resolve(command, references[0], earlier)?.DeepClone());
                continue;
            }

            var filled = text;
            foreach (var reference in references)
            {
                filled = filled.Replace(reference.Text, TextOf(command, reference, Resolve(command, reference, earlier)), StringComparison.Ordinal);
            }

            Replace(value, JsonValue.Create(filled));
        }

        return parameters;
    }

    private static void Replace(JsonValue value, JsonNode? replacement)
    {
        switch (value.Parent)
        {
            case JsonObject parent:
                parent[value.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[value.GetElementIndex()] = replacement;
                break;
        }
    }

    private static JsonNode? Resolve(RestCommand command, RestReference reference, IReadOnlyDictionary<string, RestCommandResult> earlier)
    {
        if (!earlier.TryGetValue(reference.Command, out var source) || source.Status != RestCommandStatus.Succeeded)
        {
            throw Unresolved(command, reference, $"'{reference.Command}' did not succeed");
        }

        var node = source.Result;
        foreach (var field in reference.Path)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(field, out var child) => child,
                JsonArray list when int.TryParse(field, out var index) && index >= 0 && index < list.Count => list[index],
                _ => throw Unresolved(command, reference, $"the result of '{reference.Command}' has no '{field}'"),
            };
        }

        return node;
    }

    private static string TextOf(RestCommand command, RestReference reference, JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw Unresolved(command, reference, "it names an object or a list inside a longer text"),
    };

    private static BitrixApiException Unresolved(RestCommand command, RestReference reference, string why) =>
        new(RestErrors.UnresolvedReference, $"{command.Name} ({command.Method}): {reference.Text} cannot be filled in: {why}", 0);
}
