using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>Reads T? as null from null, "" and false (PHP's "no value"), otherwise through T's own converter.</summary>
internal sealed class TolerantNullableConverter<T>(JsonConverter inner) : JsonConverter<T?>
    where T : struct
{
    private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null || PhpScalar.IsEmptyString(ref reader))
        {
            return null;
        }

        // For bool? a false is a real answer; for every other type PHP writes false where it has nothing.
        if (reader.TokenType == JsonTokenType.False && typeof(T) != typeof(bool))
        {
            return null;
        }

        return _inner.Read(ref reader, typeof(T), options);
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } present)
        {
            _inner.Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
