using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// Reads the answer methods' result in each shape the docs show: a list of texts, <c>{"result_message": [...]}</c>,
/// <c>result_message: false</c> (the notification takes no such answer) or a bare boolean.
/// </summary>
internal sealed class ImNotifyAnswerResultConverter : JsonConverter<ImNotifyAnswerResult>
{
    public override ImNotifyAnswerResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        var messages = node is JsonObject wrapped ? wrapped["result_message"] ?? wrapped["messages"] : node;
        return new ImNotifyAnswerResult { Messages = messages is JsonArray list ? [.. list.Select(Text).OfType<string>()] : [] };
    }

    public override void Write(Utf8JsonWriter writer, ImNotifyAnswerResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("result_message");
        foreach (var message in value.Messages)
        {
            writer.WriteStringValue(message);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString();
}
