using System.Security.Cryptography;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Registration;

/// <summary>
/// Brings a declared bot and the portal into agreement: Bot.register (idempotent by code, and it returns an existing
/// bot unchanged), then Bot.update when the profile, eventMode or webhookUrl differ from what was last sent, then the
/// commands. The registration is stored so a restart neither re-sends nor forgets anything. A bot the portal did not
/// have yet is created by Bot.register with every field, so it gets no Bot.update.
/// </summary>
internal sealed partial class BotReconciler(
    IBotRegistrationStore store,
    WebhookAddress webhookAddress,
    CommandReconciler commands,
    ILogger<BotReconciler> logger) : IDisposable
{
    private readonly SemaphoreSlim _recovering = new(1, 1);

    public async Task ReconcileAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        if (bot.BotToken is null && bot.Portal.OAuth is null)
        {
            // Only a disabled bot may lack its token (validation demands one of every enabled bot); registering it
            // anyway (bots register) needs one.
            throw new InvalidOperationException($"{ChatBotHostOptions.SectionName}:Bots:{bot.Code}:BotToken is not set; a bot is registered with its token (1 to 40 characters, e.g. 32 random hex characters).");
        }

        var stored = await store.GetAsync(bot.Portal.Key, bot.Code, cancellationToken);
        var secret = stored?.WebhookSecret ?? NewSecret();
        var desired = BotFieldsFactory.Create(bot, bot.Settings.EventMode == EventMode.Webhook ? webhookAddress.For(bot, secret) : null);
        var fingerprint = Fingerprint.Of(desired);

        // One attempt per request: BotLifecycle retries the whole reconciliation with backoff, so attempts do not multiply.
        var client = bot.Portal.CreateClient(bot.BotToken, botId: null, Delivery.CallPath.Once);
        var isNew = stored is null && !await ExistsAsync(client, bot.Code, cancellationToken);
        var registered = await client.CallAsync(new BotRegisterRequest { Fields = desired with { BotToken = bot.BotToken } }, cancellationToken);
        var botId = registered.Bot.Id;
        var known = stored is not null && stored.BotId == botId;

        // A bot created just now from `desired` already matches the declaration.
        if (!isNew && (!known || stored!.ProfileFingerprint != fingerprint || !string.Equals(registered.Bot.EventMode, desired.EventMode, StringComparison.OrdinalIgnoreCase)))
        {
            await client.CallAsync(new BotUpdateRequest { BotId = botId, Fields = BotFieldsFactory.ForUpdate(desired) }, cancellationToken);
            LogUpdated(logger, bot.Code, botId, desired.EventMode ?? "fetch");
        }

        var registration = new BotRegistration
        {
            BotId = botId,
            WebhookSecret = secret,

            // A changed webhookUrl makes Bitrix24 rebind the subscriptions with a new synthetic application token.
            ApplicationToken = known && stored!.ProfileFingerprint == fingerprint ? stored.ApplicationToken : null,
            ProfileFingerprint = fingerprint,
            CommandIds = known ? stored!.CommandIds : new Dictionary<string, int>(),
            CommandFingerprints = known ? stored!.CommandFingerprints : new Dictionary<string, string>(),
        };
        bot.Use(registration);
        registration = await commands.ReconcileAsync(bot, registration, cancellationToken);
        registration = await KeepTokenLearnedMeanwhileAsync(bot, registration, cancellationToken);
        await store.SaveAsync(bot.Portal.Key, bot.Code, registration, cancellationToken);
        bot.Use(registration);
        bot.MarkReady();
        LogRegistered(logger, bot.Code, botId, bot.Portal.Key, bot.Settings.EventMode);
    }

    /// <summary>
    /// Whether the portal has a bot with this code already. Asked only when nothing is stored here (a first start, or
    /// state lost), since Bot.register would return such a bot unchanged and it then needs a Bot.update.
    /// </summary>
    private static async Task<bool> ExistsAsync(Bitrix.Client.IBitrixClient client, string code, CancellationToken cancellationToken)
    {
        try
        {
            await client.CallAsync(new BotGetRequest { Code = code }, cancellationToken);
            return true;
        }
        catch (Bitrix.Client.BitrixApiException ex)
        {
            // Any other answer (another application's bot, say) is left to Bot.register to report as it always did.
            return ex.Behaviour != Bitrix.Client.BitrixErrorBehaviour.ReRegisterBot;
        }
    }

    /// <summary>
    /// The registration was read before the portal calls above (seconds); another replica may have learned the
    /// application_token meanwhile (ApplicationTokenCheck). Saving the old copy would forget it, so a token learned for
    /// this bot id under this same webhookUrl and profile is kept. What remains is the moment between this read and
    /// the save, not the whole reconciliation.
    /// </summary>
    private async Task<BotRegistration> KeepTokenLearnedMeanwhileAsync(HostedBot bot, BotRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.ApplicationToken is not null)
        {
            return registration;
        }

        var latest = await store.GetAsync(bot.Portal.Key, bot.Code, cancellationToken);
        return latest is { ApplicationToken: { } learned } && latest.BotId == registration.BotId && latest.ProfileFingerprint == registration.ProfileFingerprint
            ? registration with { ApplicationToken = learned }
            : registration;
    }

    /// <summary>Registers the bot again after the portal answered BOT_NOT_FOUND; concurrent callers share one attempt.</summary>
    public async Task RecoverAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        var lostId = bot.BotId;
        await _recovering.WaitAsync(cancellationToken);
        try
        {
            if (bot.BotId != lostId)
            {
                return; // another caller already recovered it
            }

            LogRecovering(logger, bot.Code, lostId);
            await store.DeleteAsync(bot.Portal.Key, bot.Code, cancellationToken);
            await ReconcileAsync(bot, cancellationToken);
        }
        finally
        {
            _recovering.Release();
        }
    }

    public void Dispose() => _recovering.Dispose();

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot} (id {BotId}) registered on {Portal} in {EventMode} mode")]
    private static partial void LogRegistered(ILogger logger, string bot, int botId, string portal, EventMode eventMode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot} (id {BotId}): Bot.update sent so the portal matches the declaration (eventMode {EventMode})")]
    private static partial void LogUpdated(ILogger logger, string bot, int botId, string eventMode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot} (id {BotId}) no longer exists on the portal; registering it again")]
    private static partial void LogRecovering(ILogger logger, string bot, int botId);
}
