using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ChatBotHost.Inbox;

/// <summary>
/// Copies a JSON document without the properties that name a secret (<see cref="SecretKeys"/>) at any depth. A
/// streaming copy, token by token: the reader tracks the nesting itself and skips a removed value iteratively, so no
/// depth a sender chose turns into recursion. A document that cannot be read is not kept at all.
/// </summary>
internal static class JsonSecretScrubber
{
    // Far beyond any real event (Bitrix24's nest a few levels); deeper input is not kept, as unreadable input is not.
    private const int MaxDepth = 1024;

    public static string WithoutSecrets(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json);
        var output = new ArrayBufferWriter<byte>(bytes.Length);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { MaxDepth = MaxDepth }))
            {
                while (reader.Read())
                {
                    Copy(ref reader, writer);
                }
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Unreadable JSON (or a string that is not valid UTF-16) cannot be cleaned with confidence: nothing is kept.
            return "";
        }
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                var name = reader.GetString()!;
                if (SecretKeys.IsSecret(name))
                {
                    // Moves past the property's value, however deep it is.
                    reader.Skip();
                    return;
                }

                writer.WritePropertyName(name);
                return;
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                return;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                return;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                return;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                return;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                return;
            case JsonTokenType.Number:
                // The number exactly as it was written: a 64-bit id must not pass through a double.
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                return;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.GetBoolean());
                return;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                return;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }
}
