using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.OAuth;
using ChatBotHost.Operations.Logging;
using ChatBotHost.Registration;
using ChatBotHost.State;

namespace ChatBotHost.Intake.Webhook;

/// <summary>
/// Decides whether a webhook delivery is genuine: first its URL (the bot's unguessable secret), then its top-level
/// auth (the application_token of the bot's subscriptions, or of the application's installation).
/// </summary>
/// <remarks>
/// Whatever is wrong with the URL, the sender learns only that it is wrong: an unknown bot code, a wrong secret, a bot
/// in fetch mode or disabled, or one not registered yet all look the same, so bot codes cannot be probed without the
/// secret. Only a sender who presents the right secret learns that the bot is still starting. The log keeps the reason.
/// </remarks>
internal sealed partial class WebhookAuthenticator(
    BotDirectory bots,
    IBotRegistrationStore registrations,
    ApplicationTokenCheck applicationTokens,
    ApplicationEventAuth applicationAuth,
    ILogger<WebhookAuthenticator> logger)
{
    // Bot codes in URLs are the sender's; a log line quotes at most this much of one.
    private const int MaxLoggedCodeLength = 64;

    public async Task<(WebhookAddressCheck Check, HostedBot? Bot)> CheckAddressAsync(string? portal, string botCode, string secret, CancellationToken cancellationToken)
    {
        var bot = portal is null ? bots.FindByCode(botCode) : bots.Find(portal, botCode);
        if (bot is null || bot.Settings.EventMode != EventMode.Webhook || !bot.Settings.Enabled)
        {
            var quoted = Quote(botCode);
            LogUnknownAddress(logger, quoted, "no webhook-mode bot with this code is served here");
            return (WebhookAddressCheck.Unknown, null);
        }

        if (bot.Registration is { } registration)
        {
            if (SecretComparison.AreEqual(secret, registration.WebhookSecret))
            {
                return (WebhookAddressCheck.Accepted, bot);
            }

            LogUnknownAddress(logger, bot.Code, "wrong secret in the URL");
            return (WebhookAddressCheck.Unknown, null);
        }

        return await IsStoredSecretAsync(bot, secret, cancellationToken)
            ? (WebhookAddressCheck.NotReady, bot)
            : (WebhookAddressCheck.Unknown, null);
    }

    /// <summary>The delivery's auth block matches what the bot's subscriptions (or the application's installation) carry.</summary>
    public async Task<bool> IsAuthenticAsync(HostedBot bot, WebhookRouting routing, CancellationToken cancellationToken)
    {
        if (bot.Portal.OAuth is { } application)
        {
            if (await applicationAuth.AcceptAsync(application, routing))
            {
                return true;
            }

            LogNotAuthentic(logger, bot.Code, "application_token or member_id does not match the installation");
            return false;
        }

        if (await applicationTokens.AcceptsAsync(bot, routing.Auth?.ApplicationToken, cancellationToken))
        {
            return true;
        }

        LogNotAuthentic(logger, bot.Code, "application_token does not match");
        return false;
    }

    // Not registered on this replica yet: the secret is checked against the stored registration (another replica's, or
    // this one's from before a restart), so a genuine sender is told to come back and anyone else is not told anything.
    private async Task<bool> IsStoredSecretAsync(HostedBot bot, string secret, CancellationToken cancellationToken)
    {
        try
        {
            if (await registrations.GetAsync(bot.Portal.Key, bot.Code, cancellationToken) is { } stored && SecretComparison.AreEqual(secret, stored.WebhookSecret))
            {
                return true;
            }

            LogUnknownAddress(logger, bot.Code, "not registered yet, and the secret is not the stored one");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Answering "not ready" here would tell a sender without the secret that the bot exists.
            LogStoreUnreadable(logger, ex, bot.Code);
        }

        return false;
    }

    private static string Quote(string botCode) => botCode.Length <= MaxLoggedCodeLength ? botCode : botCode[..MaxLoggedCodeLength] + "…";


    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a webhook delivery for bot code {Bot} as an unknown address: {Reason}")]
    private static partial void LogUnknownAddress(ILogger logger, string bot, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook delivery for bot {Bot} as an unknown address: not registered yet, and the stored registration could not be read")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception exception, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook delivery for bot {Bot}: {Reason}")]
    private static partial void LogNotAuthentic(ILogger logger, string bot, string reason);
}
