using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Wire;

/// <summary>
/// PHP's form encoding: what http_build_query writes and what parse_str reads.
/// Bitrix24 posts webhook events this way, and batch sub-calls are written in it.
/// </summary>
public static class PhpForm
{
    /// <summary>
    /// Flattens a JSON object as http_build_query does: bracketed keys, null and empty arrays/objects omitted,
    /// RFC 1738 encoding (space as +). Booleans become "1"/"0", or "Y"/"N" where the receiver reads Bitrix flags.
    /// </summary>
    public static string Encode(JsonObject payload, PhpBooleans booleans = PhpBooleans.OneZero)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in payload)
        {
            Append(builder, key, value, booleans);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads a form body into a tree of objects whose leaves are all strings, as parse_str does
    /// (key[a][b]=v nests; key[]=v appends; a repeated key keeps the last value).
    /// Lists arrive as objects keyed "0", "1", …; typed reading turns them into lists.
    /// </summary>
    public static JsonObject Decode(string body)
    {
        var root = new JsonObject();
        foreach (var pair in Pairs(body))
        {
            var path = ParseKey(pair.Key);
            if (path.Count > 0)
            {
                Insert(root, path, pair.Value);
            }
        }

        return root;
    }

    /// <summary>
    /// The body's name=value pairs in order, still encoded until a pair's <see cref="PhpFormPair.Key"/> or
    /// <see cref="PhpFormPair.Value"/> is read: a reader that wants a few fields decodes only those.
    /// </summary>
    public static PhpFormPairs Pairs(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new PhpFormPairs(body);
    }

    /// <summary>PHP's urlencode: letters, digits and -_. stay; space becomes +; every other UTF-8 byte is %XX.</summary>
    public static string UrlEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>PHP's urldecode: + is a space, %XX a byte of UTF-8.</summary>
    internal static string UrlDecode(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('+', '%') < 0)
        {
            return value.ToString();
        }

        return Uri.UnescapeDataString(value.ToString().Replace('+', ' '));
    }

    /// <summary>PHP's urldecode into <paramref name="destination"/>; false when it does not fit (the result is never longer than the input).</summary>
    internal static bool TryUrlDecode(ReadOnlySpan<char> value, Span<char> destination, out int written)
    {
        written = 0;
        if (value.Length > destination.Length)
        {
            return false;
        }

        if (value.IndexOfAny('+', '%') < 0)
        {
            value.CopyTo(destination);
            written = value.Length;
            return true;
        }

        Span<char> spaced = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        value.Replace(spaced, '+', ' ');
        return Uri.TryUnescapeDataString(spaced, destination, out written);
    }

    private static void Append(StringBuilder builder, string key, JsonNode? value, PhpBooleans booleans)
    {
        switch (value)
        {
            case null:
                return; // http_build_query drops nulls entirely
            case JsonObject obj:
                foreach (var (childKey, child) in obj)
                {
                    Append(builder, $"{key}[{childKey}]", child, booleans);
                }

                return;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Append(builder, $"{key}[{i.ToString(CultureInfo.InvariantCulture)}]", array[i], booleans);
                }

                return;
            default:
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append(UrlEncode(key)).Append('=').Append(UrlEncode(Scalar(value.AsValue(), booleans)));
                return;
        }
    }

    private static string Scalar(JsonValue value, PhpBooleans booleans) => value.GetValueKind() switch
    {
        JsonValueKind.True => booleans == PhpBooleans.YesNo ? "Y" : "1",
        JsonValueKind.False => booleans == PhpBooleans.YesNo ? "N" : "0",
        JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static List<string> ParseKey(string key)
    {
        var path = new List<string>();
        foreach (var segment in new PhpFormKey(key))
        {
            path.Add(segment.ToString());
        }

        return path;
    }

    private static void Insert(JsonObject root, List<string> path, string value)
    {
        var node = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var segment = path[i].Length == 0 ? node.Count.ToString(CultureInfo.InvariantCulture) : path[i];
            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }

            node = child;
        }

        var last = path[^1].Length == 0 ? node.Count.ToString(CultureInfo.InvariantCulture) : path[^1];
        node[last] = value;
    }
}
