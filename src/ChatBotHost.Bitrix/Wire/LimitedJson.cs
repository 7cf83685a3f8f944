using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Wire;

/// <summary>
/// JSON bodies read within <see cref="FormLimits"/>, the same limits a form gets: nesting as deep as a form key may be,
/// and as many values (object members and list items, containers included) as a form may have keys.
/// </summary>
public static class LimitedJson
{
    /// <summary>
    /// Parses <paramref name="body"/> after one forward-only scan has checked its depth and its count of values, so a
    /// nesting bomb or a body of a million tiny values is refused before a tree is built.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The body is nested too deep or has too many values.</exception>
    /// <exception cref="JsonException">The body is not valid JSON, or names a property twice.</exception>
    public static JsonNode? Parse(string body, FormLimits limits)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        var utf8 = Encoding.UTF8.GetBytes(body);
        Scan(utf8, limits);

        // A name given twice would otherwise surface as an ArgumentException on first access, past every caller's
        // handling of bad input; Bitrix24 never writes one, so it is refused as malformed here.
        var options = new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = limits.MaxDepth };
        return JsonNode.Parse(utf8, documentOptions: options);
    }

    /// <summary>
    /// Checks an element already parsed (a fetched event) against the limits, walking it with a stack of its own:
    /// no recursion on a depth the sender controls.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The element is nested too deep or has too many values.</exception>
    public static void Check(JsonElement element, FormLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var values = 0;
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((element, 1));
        while (pending.TryPop(out var entry))
        {
            if (entry.Element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }

            if (entry.Depth > limits.MaxDepth)
            {
                throw new PhpFormLimitException(limits.TooDeep);
            }

            if (entry.Element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in entry.Element.EnumerateObject())
                {
                    Count(ref values, limits);
                    pending.Push((property.Value, entry.Depth + 1));
                }
            }
            else
            {
                foreach (var item in entry.Element.EnumerateArray())
                {
                    Count(ref values, limits);
                    pending.Push((item, entry.Depth + 1));
                }
            }
        }
    }

    private static void Scan(ReadOnlySpan<byte> utf8, FormLimits limits)
    {
        // The reader's own depth limit is one above ours, so ours is met first and answered with its reason.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var values = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment:
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= limits.MaxDepth:
                    throw new PhpFormLimitException(limits.TooDeep);
            }

            // Every other token is a value; the root is not one of the body's keys.
            if (reader.CurrentDepth > 0)
            {
                Count(ref values, limits);
            }
        }
    }

    private static void Count(ref int values, FormLimits limits)
    {
        if (++values > limits.MaxKeys)
        {
            throw new PhpFormLimitException(limits.TooMany);
        }
    }
}
