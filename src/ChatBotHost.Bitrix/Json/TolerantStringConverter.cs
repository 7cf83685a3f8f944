using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads string from strings and numbers alike (a fetch event may send dialogId 1 where a form sends "1"),
/// and reads PHP's false, used for "no value" in fields such as a user's idle time, as null.
/// </summary>
internal sealed class TolerantStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PhpScalar.ReadText(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
