using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>Wraps the converter of every nullable value type so that "", missing and (except for bool?) false read as null.</summary>
internal sealed class TolerantNullableConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => Nullable.GetUnderlyingType(typeToConvert) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(typeToConvert)!;
        var converterType = typeof(TolerantNullableConverter<>).MakeGenericType(underlying);
        return (JsonConverter)Activator.CreateInstance(converterType, options.GetConverter(underlying))!;
    }
}
