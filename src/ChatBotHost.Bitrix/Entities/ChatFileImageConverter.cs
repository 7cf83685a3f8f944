using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Entities;

/// <summary>
/// File.image is <c>{height, width}</c> for an image and <c>false</c> for any other file; a webhook form writes that false
/// as "0" and the numbers as digit strings. Anything but an object reads as no image.
/// </summary>
internal sealed class ChatFileImageConverter : JsonConverter<ChatFileImage?>
{
    public override bool HandleNull => true;

    public override ChatFileImage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int height = 0, width = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "height", StringComparison.OrdinalIgnoreCase))
            {
                height = TolerantInt32Converter.ToInt32(PhpScalar.ReadInt64(ref reader));
            }
            else if (string.Equals(name, "width", StringComparison.OrdinalIgnoreCase))
            {
                width = TolerantInt32Converter.ToInt32(PhpScalar.ReadInt64(ref reader));
            }
            else
            {
                reader.Skip();
            }
        }

        return new ChatFileImage(height, width);
    }

    public override void Write(Utf8JsonWriter writer, ChatFileImage? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteBooleanValue(false);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("height", value.Height);
        writer.WriteNumber("width", value.Width);
        writer.WriteEndObject();
    }
}
