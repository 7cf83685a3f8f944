using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBotHost.Emulator.Observation;

/// <summary>
/// Hides credentials in what the chat page's panel shows: bot tokens, OAuth and application tokens, client secrets,
/// and the secret part of webhook URLs — in JSON, in query strings inside JSON strings (batch cmd), and in form bodies.
/// </summary>
internal static partial class SecretMask
{
    public const string Masked = "***";

    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "botToken", "bot_token", "token", "auth", "access_token", "refresh_token", "application_token",
        "client_secret", "clientSecret", "AUTH_ID", "REFRESH_ID", "APPLICATION_TOKEN", "password",
    };

    private static readonly HashSet<string> UrlKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "webhookUrl", "webhook_url", "handler", "client_endpoint", "server_endpoint",
    };

    /// <summary>A masked deep copy; the original is left alone.</summary>
    public static JsonNode? Json(JsonNode? node) => node switch
    {
        JsonObject obj => MaskObject(obj),
        JsonArray array => new JsonArray([.. array.Select(Json)]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(QueryString(text)),
        _ => node?.DeepClone(),
    };

    /// <summary>A form (or query) string with every secret parameter's value replaced; keys may be bracketed (auth[access_token]).</summary>
    public static string Form(string form) =>
        string.Join('&', form.Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return pair;
            }

            var key = Uri.UnescapeDataString(pair[..equals].Replace('+', ' '));
            var name = LastKeySegment(key);
            return SecretKeys.Contains(name) ? pair[..(equals + 1)] + Masked
                : UrlKeys.Contains(name) ? pair[..(equals + 1)] + Uri.EscapeDataString(Url(Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '))))
                : pair;
        }));

    /// <summary>Masks secret parameters of query strings embedded in free text (a batch's cmd values).</summary>
    public static string QueryString(string text) =>
        text.Contains('=', StringComparison.Ordinal) ? SecretParameter().Replace(text, m => m.Groups["key"].Value + "=" + Masked) : text;

    /// <summary>Keeps a URL's scheme and host; its path (where webhook secrets live) and query become ***.</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1
            ? uri.GetLeftPart(UriPartial.Authority) + "/" + Masked
            : url;

    private static JsonObject MaskObject(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            copy[key] = value switch
            {
                JsonValue when SecretKeys.Contains(key) => Masked,
                JsonValue text when UrlKeys.Contains(key) && text.TryGetValue<string>(out var url) => Url(url),
                _ => Json(value),
            };
        }

        return copy;
    }

    private static string LastKeySegment(string key)
    {
        var open = key.LastIndexOf('[');
        return open < 0 ? key : key[(open + 1)..].TrimEnd(']');
    }

    [GeneratedRegex(@"(?<key>(?:^|(?<=[?&]))(?:[A-Za-z_]+(?:%5B|\[))*(?:botToken|bot_token|auth|access_token|refresh_token|application_token|client_secret)(?:%5D|\])?)=[^&\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
