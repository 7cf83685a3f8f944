using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Batch;

/// <summary>Reads batch's result, where PHP writes empty maps (and maps with keys 0..n) as JSON arrays.</summary>
internal sealed class BatchResultConverter : JsonConverter<BatchResult>
{
    /// <inheritdoc />
    public override BatchResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonNode.Parse(ref reader) is not JsonObject root)
        {
            throw new JsonException("The batch result must be an object.");
        }

        var results = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (id, value) in PhpObjectConverter.ToObject(root["result"]) ?? [])
        {
            results[id] = value?.DeepClone();
        }

        var errors = new Dictionary<string, BatchCallError>(StringComparer.Ordinal);
        foreach (var (id, value) in PhpObjectConverter.ToObject(root["result_error"]) ?? [])
        {
            errors[id] = ToError(value);
        }

        var times = (JsonObject?)PhpObjectConverter.ToObject(root["result_time"])?.DeepClone() ?? [];
        return new BatchResult { Results = results, Errors = errors, Next = Map(root["result_next"]), Total = Map(root["result_total"]), Times = times };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BatchResult value, JsonSerializerOptions options)
    {
        var errors = new JsonObject();
        foreach (var (id, error) in value.Errors)
        {
            errors[id] = new JsonObject { ["error"] = error.Error, ["error_description"] = error.Description };
        }

        var results = new JsonObject();
        foreach (var (id, result) in value.Results)
        {
            results[id] = result?.DeepClone();
        }

        new JsonObject
        {
            ["result"] = results,
            ["result_error"] = errors,
            ["result_next"] = ToObject(value.Next),
            ["result_total"] = ToObject(value.Total),
            ["result_time"] = value.Times.DeepClone(),
        }.WriteTo(writer, options);
    }

    private static Dictionary<string, JsonNode?> Map(JsonNode? node)
    {
        var map = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (id, value) in PhpObjectConverter.ToObject(node) ?? [])
        {
            map[id] = value?.DeepClone();
        }

        return map;
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> map)
    {
        var result = new JsonObject();
        foreach (var (id, value) in map)
        {
            result[id] = value?.DeepClone();
        }

        return result;
    }

    private static BatchCallError ToError(JsonNode? node) => node switch
    {
        JsonObject error => new BatchCallError(
            error["error"] is { } code ? BitrixEnvelope.ScalarText(code) ?? "UNKNOWN_ERROR" : "UNKNOWN_ERROR",
            error["error_description"] is { } description ? BitrixEnvelope.ScalarText(description) : null),
        JsonValue value => new BatchCallError(BitrixEnvelope.ScalarText(value) ?? "UNKNOWN_ERROR", null),
        _ => new BatchCallError("UNKNOWN_ERROR", null),
    };
}
