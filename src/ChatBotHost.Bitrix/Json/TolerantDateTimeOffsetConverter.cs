using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads ISO 8601 dates with an offset, and unix seconds (numbers or digit strings);
/// "", false and null read as the default (the nullable wrapper turns them into null).
/// </summary>
internal sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    public override bool HandleNull => true;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return default;
            case JsonTokenType.Number:
                return FromUnixSeconds(PhpScalar.ReadInt64(ref reader));
            case JsonTokenType.String:
                return Parse(reader.GetString()!.Trim());
            default:
                throw new JsonException("Expected an ISO 8601 date or unix seconds.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static DateTimeOffset FromUnixSeconds(long seconds) =>
        seconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new JsonException("The unix time is out of range.");

    private static DateTimeOffset Parse(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromUnixSeconds(seconds);
        }

        // A date without an offset is read as UTC rather than as this machine's local time.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new JsonException("Expected an ISO 8601 date or unix seconds.");
    }
}
