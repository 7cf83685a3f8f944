using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>Reads int from JSON numbers and from the digit strings a PHP form carries.</summary>
internal sealed class TolerantInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return ToInt32(PhpScalar.ReadInt64(ref reader));
    }

    /// <summary>The number as an int, if it fits.</summary>
    /// <exception cref="JsonException">It does not.</exception>
    public static int ToInt32(long value) =>
        value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new JsonException("The number is outside the range of a 32-bit integer.");

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
