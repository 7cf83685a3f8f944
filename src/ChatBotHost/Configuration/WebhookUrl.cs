using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ChatBotHost.Configuration;

/// <summary>Parses an incoming-webhook base URL https://{portal}/rest/{userId}/{code}/ (http accepted for local testing).</summary>
internal static partial class WebhookUrl
{
    public static bool TryParse(string value, [NotNullWhen(true)] out Uri? baseUrl, [NotNullWhen(false)] out string? reason)
    {
        baseUrl = null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            reason = "not an absolute http(s) URL";
            return false;
        }

        var match = RestPath().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            reason = "the path must be /rest/{userId}/{code}/";
            return false;
        }

        baseUrl = new Uri(uri.GetLeftPart(UriPartial.Authority) + match.Groups["base"].Value + "/");
        reason = null;
        return true;
    }

    /// <summary>The portal's key for state: its host (and port, when not the default).</summary>
    public static string PortalKey(Uri baseUrl) => baseUrl.IsDefaultPort ? baseUrl.Host : $"{baseUrl.Host}:{baseUrl.Port}";

    [GeneratedRegex(@"^(?<base>/rest/\d+/[^/]+)/?$")]
    private static partial Regex RestPath();
}
