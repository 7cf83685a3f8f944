using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Operations.Logging;

/// <summary>Where the host's secrets are: in configuration (tokens, the portal URL's code) and in the bots' registrations.</summary>
internal static class HostSecrets
{
    /// <summary>The secrets an operator configured, known before any service exists.</summary>
    public static IEnumerable<string?> FromConfiguration(IConfiguration configuration)
    {
        var root = configuration.GetSection(ChatBotHostOptions.SectionName);
        foreach (var bot in root.GetSection("Bots").GetChildren())
        {
            yield return bot["BotToken"];
        }

        yield return root["OAuth:ClientSecret"];
        yield return root["Api:Key"];
        if (WebhookUrl.TryParse(root["Portal:WebhookUrl"] ?? "", out var baseUrl, out _))
        {
            yield return baseUrl.Segments[^1].TrimEnd('/');
        }
    }

    /// <summary>
    /// The secrets of the hosted bots as they are now: tokens made up in local mode, webhook secrets, application tokens,
    /// and of their application portals: the application_token and the access token in use (refresh tokens and tokens
    /// in JSON or form bodies are caught by the mask's shapes).
    /// </summary>
    public static IEnumerable<string?> FromBots(BotDirectory directory)
    {
        foreach (var bot in directory.All)
        {
            yield return bot.BotToken;
            if (bot.Portal.OAuth is { } oauth)
            {
                yield return oauth.Record.ApplicationToken;
                yield return oauth.Tokens.Current?.Value;
            }
            yield return bot.Registration?.WebhookSecret;
            yield return bot.Registration?.ApplicationToken;
        }
    }
}
