using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>
/// Writes a raw request as its parameters, untouched by the naming policy, so batch sub-calls, dead letters and the
/// plain call all see the names the author wrote (Bitrix24's FIELDS, ID, …). Reading one back is not supported.
/// </summary>
internal sealed class RawRequestConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(IRawRequest).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ParametersConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class ParametersConverter<T> : JsonConverter<T>
        where T : IRawRequest
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A raw request is written, never read.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            value.Parameters.WriteTo(writer, options);
    }
}
