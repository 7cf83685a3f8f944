using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// Reads a JSON token the way PHP would have meant it: a form body makes every scalar a string,
/// and PHP itself writes false where a value is absent.
/// </summary>
internal static class PhpScalar
{
    /// <summary>Reads a whole number from a number, a string of digits, a boolean, "" or null (the last two as 0).</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String:
                return ParseInt64(reader.GetString()!);
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return 0;
            default:
                throw new JsonException("Expected a whole number.");
        }
    }

    /// <summary>Reads a whole number from the text of a form field: digits with an optional sign; "" is 0.</summary>
    /// <exception cref="JsonException">The text is not a whole number.</exception>
    public static long ParseInt64(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        // The value itself stays out of the message: it could be anything a sender put there.
        throw new JsonException("Expected a whole number or a string of digits.");
    }

    /// <summary>Reads a string, or the text of a number; true reads as "1" (PHP's string of true), false and null as null.</summary>
    public static string? ReadText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "1",
        JsonTokenType.False or JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or a number."),
    };

    /// <summary>True for the empty string token, which PHP forms use where JSON would have null.</summary>
    public static bool IsEmptyString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
        && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) == 0;
}
