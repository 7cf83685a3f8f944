using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// Reads one field of a decoded event tree through <see cref="BitrixJson.Options"/>, so a form's strings and
/// a JSON body's typed values give the same result, and turns a failure into an error naming the field.
/// </summary>
internal static class EventFields
{
    /// <summary>The field's value, or default when it is absent or null.</summary>
    public static T? Read<T>(JsonObject parent, string key, string parentPath)
    {
        if (parent[key] is not { } node)
        {
            return default;
        }

        // A plain string needs no trip through the serializer (a form's leaves are all strings).
        if (typeof(T) == typeof(string) && node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return (T)(object)text;
        }

        try
        {
            return node.Deserialize<T>(BitrixJson.Options);
        }
        catch (JsonException exception)
        {
            // The path is built only for the error: reading fields is the hot path of every webhook delivery.
            var path = parentPath.Length == 0 ? key : $"{parentPath}.{key}";
            throw EventDecodingException.Unreadable(path + Nested(exception.Path), exception);
        }
    }

    /// <summary>The field's value, which must be present and not empty.</summary>
    public static T Require<T>(JsonObject parent, string key, string parentPath)
        where T : class
    {
        var value = Read<T>(parent, key, parentPath);
        return value is null or ""
            ? throw EventDecodingException.Missing(parentPath.Length == 0 ? key : $"{parentPath}.{key}")
            : value;
    }

    /// <summary>
    /// The field's value, or default when it cannot be read: for events of unknown types, whose shape
    /// nobody promised, a surprising field must not turn an acknowledgeable event into an error.
    /// </summary>
    public static T? ReadOrDefault<T>(JsonObject parent, string key, string parentPath)
    {
        try
        {
            return Read<T>(parent, key, parentPath);
        }
        catch (EventDecodingException)
        {
            return default;
        }
    }

    // JsonException.Path is relative to the node read ("$.id"), so the field path just grows by it.
    private static string Nested(string? jsonPath) =>
        jsonPath is { Length: > 1 } && jsonPath.StartsWith('$') ? jsonPath[1..] : "";
}
