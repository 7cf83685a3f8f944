using ChatBotHost.Hosting;
using ChatBotHost.Operations.Logging;
using ChatBotHost.State;

namespace ChatBotHost.Registration;

/// <summary>
/// A webhook-mode bot's deliveries carry a synthetic application_token whose value cannot be known in advance (spec
/// §1.3): the first delivery that passed the URL secret teaches it, and every later one must match it. Learning is a
/// compare-and-set in the registration store, so the first token stored wins on every replica; a replica whose copy of
/// the registration has no token asks the store before it compares, so a stale copy never accepts another token.
/// </summary>
internal sealed partial class ApplicationTokenCheck(IBotRegistrationStore store, ILogger<ApplicationTokenCheck> logger)
{
    /// <summary>Whether <paramref name="presented"/> (the delivery's top-level auth.application_token) is the bot's.</summary>
    public async Task<bool> AcceptsAsync(HostedBot bot, string? presented, CancellationToken cancellationToken)
    {
        var registration = bot.Registration ?? throw new InvalidOperationException($"Bot '{bot.Code}' is not registered.");
        var known = registration.ApplicationToken;
        if (known is null)
        {
            var stored = string.IsNullOrEmpty(presented)
                ? await store.GetAsync(bot.Portal.Key, bot.Code, cancellationToken)
                : await store.LearnApplicationTokenAsync(bot.Portal.Key, bot.Code, registration.BotId, presented, cancellationToken);
            if (stored is null || stored.BotId != registration.BotId)
            {
                // Re-registered meanwhile (or forgotten): this replica's registration is stale, and nothing is learned for it.
                return false;
            }

            known = stored.ApplicationToken;
            if (known is not null)
            {
                // Only the token is taken over: the rest of the registration is this replica's to keep current.
                bot.Use(registration with { ApplicationToken = known });
                if (SecretComparison.AreEqual(presented ?? "", known))
                {
                    LogLearned(logger, bot.Code);
                }
            }
        }

        // Before the first delivery with a token, one without is taken on the URL secret alone (as it always was).
        return string.IsNullOrEmpty(presented) ? known is null : known is not null && SecretComparison.AreEqual(presented, known);
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot}: application_token learned from its first authenticated webhook delivery")]
    private static partial void LogLearned(ILogger logger, string bot);
}
