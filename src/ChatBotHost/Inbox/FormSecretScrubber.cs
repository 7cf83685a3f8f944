namespace ChatBotHost.Inbox;

/// <summary>
/// Drops every pair of a form body (PHP's http_build_query) whose key names a secret at any level: <c>auth[…]</c>,
/// <c>data[bot][auth][…]</c>, <c>…[access_token]</c>. One pass over the body; a key's nesting is only split, never
/// recursed into, so a sender's depth costs no stack.
/// </summary>
internal static class FormSecretScrubber
{
    public static string WithoutSecrets(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return string.Join('&', body.Split('&').Where(pair => !IsSecret(pair)));
    }

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

        foreach (var range in key.AsSpan().SplitAny('[', ']'))
        {
            if (SecretKeys.IsSecret(key.AsSpan()[range].Trim()))
            {
                return true;
            }
        }

        return false;
    }
}
