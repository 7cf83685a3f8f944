using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests;

/// <summary>
/// Writes a flag as "Y"/"N" for parameters that old portals read only in that form (spec §2.1, §8);
/// reads "Y"/"N", "1"/"0" and JSON booleans.
/// </summary>
internal sealed class YesNoConverter : JsonConverter<bool?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetInt64() != 0,
        JsonTokenType.String => reader.GetString() switch
        {
            "Y" or "y" or "1" or "true" => true,
            "N" or "n" or "0" or "false" or "" => false,
            var other => throw new JsonException($"'{other}' is not a Y/N flag."),
        },
        _ => throw new JsonException($"A Y/N flag cannot be read from {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value ? "Y" : "N");
    }
}
