using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Entities;

/// <summary>
/// Reads the files of a message from its params. The spec says only that params carry "files" [infer]: this takes the
/// File entities under FILES (any case; a list, or a map by id as PHP writes sparse arrays), and ids under FILE_ID for
/// files it does not describe. Webhook forms carry every scalar as a string, so numbers are read from strings too.
/// </summary>
internal static class MessageFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static IReadOnlyList<ChatFile> Read(JsonObject parameters)
    {
        var files = new List<ChatFile>();
        foreach (var node in Items(Find(parameters, "FILES")))
        {
            if (node is JsonObject entity && Entity(entity) is { Id: > 0 } file && files.TrueForAll(f => f.Id != file.Id))
            {
                files.Add(file);
            }
        }

        foreach (var node in Items(Find(parameters, "FILE_ID")))
        {
            if (node is JsonValue value && Id(value) is int id && files.TrueForAll(f => f.Id != id))
            {
                files.Add(new ChatFile { Id = id });
            }
        }

        return files;
    }

    private static JsonNode? Find(JsonObject parameters, string key) =>
        parameters.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject map => map.Select(p => p.Value),
        JsonValue single => [single],
        _ => [],
    };

    private static ChatFile? Entity(JsonObject entity)
    {
        try
        {
            return entity.Deserialize<ChatFile>(Options);
        }
        catch (JsonException)
        {
            // A file whose fields do not read is left out rather than failing the whole event.
            return null;
        }
    }

    private static int? Id(JsonValue value) =>
        value.TryGetValue<int>(out var id) ? id
        : value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) ? id
        : null;
}
