using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Events;

/// <summary>The fields <see cref="WebhookRouting"/> reads; <see cref="RoutingFields"/> knows the path of each in the event tree.</summary>
internal enum RoutingField
{
    Event,
    DialogId,
    BotId,
    ChatId,
    ChatDialogId,
    ChatType,
    UserId,
    AuthDomain,
    AuthClientEndpoint,
    AuthServerEndpoint,
    AuthMemberId,
    AuthApplicationToken,
    BotAccessToken,
    BotAccessExpires,
    BotAccessExpiresIn,
}

/// <summary>The values of the routing fields in one body, each as the text the event tree holds there.</summary>
internal sealed class RoutingFields
{
    private static readonly string[][] Paths = [.. Enum.GetValues<RoutingField>().Select(PathOf)];

    private const int MaxDepth = 4;

    private readonly string?[] _values = new string?[Paths.Length];

    public bool HasData { get; private set; }

    public bool HasAuth { get; private set; }

    public string? this[RoutingField field] => _values[(int)field];

    /// <summary>The field as an int, read as the typed decoder reads it; 0 when absent.</summary>
    public int Int32(RoutingField field)
    {
        try
        {
            return _values[(int)field] is { } text ? TolerantInt32Converter.ToInt32(PhpScalar.ParseInt64(text)) : 0;
        }
        catch (JsonException ex)
        {
            throw EventDecodingException.Unreadable(string.Join('.', Paths[(int)field]), ex);
        }
    }

    /// <summary>
    /// One pass over the pairs; only the values of routing fields are decoded. A repeated key keeps its last value.
    /// Every pair of the body, also the ones no routing field needs, is counted and its key's depth checked against
    /// <paramref name="limits"/>, so what is stored is what the worker's full decode will accept.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The body has a key nested too deep or too many keys.</exception>
    public static RoutingFields FromForm(string body, FormLimits limits)
    {
        var fields = new RoutingFields();
        Span<Range> segments = stackalloc Range[MaxDepth];
        Span<char> keyBuffer = stackalloc char[128];
        var keys = 0;
        foreach (var pair in PhpForm.Pairs(body))
        {
            limits.Admit(pair.EncodedKey, ref keys);
            var key = pair.DecodeKey(keyBuffer);
            var depth = 0;
            var enumerator = new PhpFormKey(key);
            while (depth <= MaxDepth && enumerator.MoveNext())
            {
                if (depth < MaxDepth)
                {
                    segments[depth] = enumerator.CurrentRange;
                }

                depth++;
            }

            if (depth == 0)
            {
                continue;
            }

            var root = key[segments[0]];
            fields.HasData |= depth > 1 && root.SequenceEqual("data");
            fields.HasAuth |= depth > 1 && root.SequenceEqual("auth");
            if (depth <= MaxDepth && IndexOf(key, segments[..depth]) is var index and >= 0)
            {
                fields._values[index] = pair.Value;
            }
        }

        return fields;
    }

    /// <summary>The same fields of a JSON body, through the typed reader, so numbers read as their text.</summary>
    public static RoutingFields FromJson(JsonObject root)
    {
        var fields = new RoutingFields
        {
            HasData = root["data"] is JsonObject or JsonArray,
            HasAuth = root["auth"] is JsonObject,
        };
        for (var index = 0; index < Paths.Length; index++)
        {
            var path = Paths[index];
            var parent = root;
            for (var i = 0; i < path.Length - 1 && parent is not null; i++)
            {
                parent = parent[path[i]] as JsonObject;
            }

            if (parent is not null)
            {
                fields._values[index] = EventFields.Read<string>(parent, path[^1], string.Join('.', path[..^1]));
            }
        }

        return fields;
    }

    private static string[] PathOf(RoutingField field) => field switch
    {
        RoutingField.Event => ["event"],
        RoutingField.DialogId => ["data", "dialogId"],
        RoutingField.BotId => ["data", "bot", "id"],
        RoutingField.ChatId => ["data", "chat", "id"],
        RoutingField.ChatDialogId => ["data", "chat", "dialogId"],
        RoutingField.ChatType => ["data", "chat", "type"],
        RoutingField.UserId => ["data", "user", "id"],
        RoutingField.AuthDomain => ["auth", "domain"],
        RoutingField.AuthClientEndpoint => ["auth", "client_endpoint"],
        RoutingField.AuthServerEndpoint => ["auth", "server_endpoint"],
        RoutingField.AuthMemberId => ["auth", "member_id"],
        RoutingField.AuthApplicationToken => ["auth", "application_token"],
        RoutingField.BotAccessToken => ["data", "bot", "auth", "access_token"],
        RoutingField.BotAccessExpires => ["data", "bot", "auth", "expires"],
        RoutingField.BotAccessExpiresIn => ["data", "bot", "auth", "expires_in"],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static int IndexOf(ReadOnlySpan<char> key, ReadOnlySpan<Range> segments)
    {
        for (var index = 0; index < Paths.Length; index++)
        {
            var path = Paths[index];
            if (path.Length != segments.Length)
            {
                continue;
            }

            var i = 0;
            while (i < path.Length && key[segments[i]].SequenceEqual(path[i]))
            {
                i++;
            }

            if (i == path.Length)
            {
                return index;
            }
        }

        return -1;
    }
}
