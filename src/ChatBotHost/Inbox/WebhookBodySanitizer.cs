using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.Inbox;

/// <summary>
/// Removes the secrets a webhook body carries — the top-level <c>auth</c> (application_token) and <c>data[bot][auth]</c>
/// (OAuth tokens) — before the body is shown to anyone, e.g. in a dead letter.
/// </summary>
internal static class WebhookBodySanitizer
{
    private static readonly string[] SecretPrefixes = ["auth[", "data[bot][auth]"];

    public static string WithoutSecrets(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal) ? JsonWithoutSecrets(body) : FormWithoutSecrets(body);
    }

    private static string FormWithoutSecrets(string body) =>
        string.Join('&', body.Split('&').Where(pair => !IsSecret(pair)));

    private static bool IsSecret(string pair)
    {
        var key = pair.Split('=', 2)[0].Replace('+', ' ');
        try
        {
            key = Uri.UnescapeDataString(key);
        }
        catch (UriFormatException)
        {
            // A key that is not valid percent-encoding is compared as it is.
        }

        return key == "auth" || SecretPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static string JsonWithoutSecrets(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root)
            {
                return "";
            }

            root.Remove("auth");
            (root["data"]?["bot"] as JsonObject)?.Remove("auth");
            return root.ToJsonString();
        }
        catch (JsonException)
        {
            // Unreadable JSON cannot be cleaned with confidence; nothing of it is kept.
            return "";
        }
    }
}
