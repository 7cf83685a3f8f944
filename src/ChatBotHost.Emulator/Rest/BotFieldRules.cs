namespace ChatBotHost.Emulator.Rest;

/// <summary>Validation of the Bot.register/Bot.update fields shared by both.</summary>
internal static class BotFieldRules
{
    private static readonly string[] Types = ["bot", "supervisor", "personal", "openline", "network"];
    private static readonly string[] EventModes = ["fetch", "webhook"];
    private static readonly string[] Backgrounds = ["azure", "mint", "steel", "slate", "teal", "cornflower", "sky", "peach", "frost"];

    public static string Type(string? type) =>
        type is null ? "bot"
        : Types.Contains(type, StringComparer.Ordinal) ? type
        : throw new RestException("BOT_INVALID_TYPE", "Invalid bot type");

    public static string? EventMode(string? mode) =>
        mode is null || EventModes.Contains(mode, StringComparer.Ordinal)
            ? mode
            : throw new RestException("BOT_INVALID_EVENT_MODE", "Invalid event mode");

    /// <summary>An absolute http(s) URL; plain http is allowed here because the emulator runs on loopback.</summary>
    public static Uri? WebhookUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new RestException("BOT_INVALID_CALLBACK", "Invalid webhook URL");
    }

    public static void RequireWebhookUrl(string mode, Uri? url)
    {
        if (mode == "webhook" && url is null)
        {
            throw new RestException("BOT_WEBHOOK_URL_REQUIRED", "Webhook URL is required for webhook event mode");
        }
    }

    /// <summary>backgroundId is validated since rev 34: an invalid value becomes null.</summary>
    public static string? Background(string? id) => id is not null && Backgrounds.Contains(id, StringComparer.Ordinal) ? id : null;

    public static void TokenLength(string token)
    {
        if (token.Length > BotAuthorization.MaxTokenLength)
        {
            throw new RestException("BOT_TOKEN_INVALID_LENGTH", "Bot token must not be longer than 40 characters");
        }
    }
}
