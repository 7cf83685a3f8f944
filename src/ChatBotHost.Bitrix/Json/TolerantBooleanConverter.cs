using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads bool from everything Bitrix24 uses for a flag: true/false, 1/0, "1"/"0", "Y"/"N", "true"/"false",
/// and "" or null as false (http_build_query writes false as "0", some docs show "").
/// </summary>
internal sealed class TolerantBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number != 0;
            case JsonTokenType.String:
                return ParseText(reader.GetString()!.Trim());
            default:
                throw new JsonException("Expected a boolean, 1/0 or Y/N.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteBooleanValue(value);

    private static bool ParseText(string text)
    {
        if (text.Length == 0 || text is "0" || IsAny(text, "N", "false"))
        {
            return false;
        }

        if (text is "1" || IsAny(text, "Y", "true"))
        {
            return true;
        }

        throw new JsonException("Expected a boolean, 1/0 or Y/N.");
    }

    private static bool IsAny(string text, string first, string second) =>
        string.Equals(text, first, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, second, StringComparison.OrdinalIgnoreCase);
}
