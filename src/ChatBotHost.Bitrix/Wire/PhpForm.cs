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
        ArgumentNullException.ThrowIfNull(payload);

        // Iterative, with a stack of the nodes still to write: the tree may come from a sender (an unknown event's
        // data is hashed through here), and no code of ours recurses on a depth a sender controls.
        var builder = new StringBuilder();
        var pending = new Stack<(string Key, JsonNode? Value)>();
        PushChildren(pending, null, payload);
        while (pending.TryPop(out var entry))
        {
            switch (entry.Value)
            {
                case null:
                    continue; // http_build_query drops nulls entirely
                case JsonObject or JsonArray:
                    PushChildren(pending, entry.Key, entry.Value);
                    continue;
                default:
                    if (builder.Length > 0)
                    {
                        builder.Append('&');
                    }

                    builder.Append(UrlEncode(entry.Key)).Append('=').Append(UrlEncode(Scalar(entry.Value.AsValue(), booleans)));
                    continue;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads a form body into a tree of objects whose leaves are all strings, as parse_str does
    /// (key[a][b]=v nests; key[]=v appends; a repeated key keeps the last value).
    /// Lists arrive as objects keyed "0", "1", …; typed reading turns them into lists.
    /// Applies <see cref="FormLimits.Default"/>.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The body has a key nested too deep or too many keys.</exception>
    public static JsonObject Decode(string body) => Decode(body, FormLimits.Default);

    /// <summary>
    /// Reads a form body as <see cref="Decode(string)"/> does, within <paramref name="limits"/>: every pair is counted
    /// and its key's depth checked before anything is decoded or built, so a hostile body fails at once.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The body has a key nested too deep or too many keys.</exception>
    public static JsonObject Decode(string body, FormLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var root = new JsonObject();
        var keys = 0;
        foreach (var pair in Pairs(body))
        {
            limits.Admit(pair.EncodedKey, ref keys);
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

    // Children go on the stack last first, so they come off it in the sender's order, as http_build_query writes them.
    private static void PushChildren(Stack<(string Key, JsonNode? Value)> pending, string? prefix, JsonNode parent)
    {
        if (parent is JsonObject obj)
        {
            for (var i = obj.Count - 1; i >= 0; i--)
            {
                var (key, child) = obj.GetAt(i);
                pending.Push((prefix is null ? key : $"{prefix}[{key}]", child));
            }

            return;
        }

        var array = (JsonArray)parent;
        for (var i = array.Count - 1; i >= 0; i--)
        {
            pending.Push(($"{prefix}[{i.ToString(CultureInfo.InvariantCulture)}]", array[i]));
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
