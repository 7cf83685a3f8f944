namespace ChatBotHost.Inbox;

/// <summary>
/// The names under which Bitrix24's payloads carry secrets: the <c>auth</c> blocks (the top-level one with the
/// application_token, <c>data.bot.auth</c> with the OAuth tokens) and the token fields themselves, wherever they are.
/// </summary>
internal static class SecretKeys
{
    // Case-insensitive: the install frame spells them AUTH_ID, REFRESH_ID, APPLICATION_TOKEN.
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "auth", "access_token", "refresh_token", "application_token", "client_secret", "auth_id", "refresh_id", "botToken",
    };

    public static bool IsSecret(ReadOnlySpan<char> name) => Names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
}
