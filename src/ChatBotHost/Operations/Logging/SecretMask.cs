using System.Text.RegularExpressions;

namespace ChatBotHost.Operations.Logging;

/// <summary>
/// Masks secrets in text: every known secret value, and the shapes secrets take in URLs and bodies (the code of an
/// incoming-webhook URL, the secret of our webhook endpoint, token parameters), so a value we never learned is masked too.
/// </summary>
internal sealed partial class SecretMask(SecretValues values)
{
    public const string Masked = "***";

    /// <summary>The values known right now, for <see cref="Apply(string, IReadOnlyList{string})"/>.</summary>
    public IReadOnlyList<string> Known() => values.Current();

    /// <summary>The text with every secret replaced by <see cref="Masked"/>; the same instance when nothing was found.</summary>
    public string Apply(string text) => Apply(text, values.Current());

    /// <summary>As <see cref="Apply(string)"/> with the known values read once for several texts (one log event's).</summary>
    public static string Apply(string text, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var result = text;
        foreach (var secret in secrets)
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Masked, StringComparison.Ordinal);
            }
        }

        result = RestCode().Replace(result, "${head}" + Masked);
        result = WebhookSecret().Replace(result, "${head}" + Masked);
        result = TokenParameter().Replace(result, "${head}" + Masked);
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    // https://portal/rest/1/abcdef.../ : the code is the credential.
    [GeneratedRegex(@"(?<head>/rest/\d+/)(?!\*\*\*)[A-Za-z0-9_\-]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex RestCode();

    // Our webhook endpoint /bitrix/events/{bot}/{secret} or /bitrix/events/{portal}/{bot}/{secret}: the secret is the
    // last segment, whichever form. A route template's "{secret}" is left as it is: it names the segment, it is not one.
    [GeneratedRegex(@"(?<head>/bitrix/events/(?:[^/\s""']+/){1,2})(?!\*\*\*|\{)[^/\s""'?&]+", RegexOptions.CultureInvariant)]
    private static partial Regex WebhookSecret();

    // botToken=..., "access_token":"...", auth[application_token]=..., refresh_token: ... (form, JSON, text); not "OAuth: …".
    [GeneratedRegex(
        @"(?<head>(?:bot_?token|access_token|refresh_token|application_token|client_secret|webhook_?secret|(?<![A-Za-z])auth)(?:%5D|\])?""?\s*[=:]\s*""?)(?!\*\*\*)[^\s""&,;}]{4,}",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();
}
