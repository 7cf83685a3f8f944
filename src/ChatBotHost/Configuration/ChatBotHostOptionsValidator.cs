using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Configuration;

/// <summary>Checks the configuration at start-up; every message names the setting to fix.</summary>
internal sealed class ChatBotHostOptionsValidator(BotCatalog catalog, LocalPortal? local = null, IConfiguration? configuration = null)
    : IValidateOptions<ChatBotHostOptions>
{
    private const string Prefix = ChatBotHostOptions.SectionName;
    private const int MaxBotTokenLength = 40;
    private const int MaxWaitForReplicas = 10;
    private static readonly TimeSpan MaxWaitForReplicasTimeout = TimeSpan.FromSeconds(2);
    private const int MinApiKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ChatBotHostOptions options)
    {
        var errors = new List<string>();
        // In local mode the URL points at the built-in emulator, which needs no tokens and knows the host's address.
        var hasPortal = local is null && !string.IsNullOrWhiteSpace(options.Portal.WebhookUrl);
        if (hasPortal && !WebhookUrl.TryParse(options.Portal.WebhookUrl!, out _, out var reason))
        {
            errors.Add($"{Prefix}:Portal:WebhookUrl is not an incoming-webhook URL like https://portal.bitrix24.com/rest/1/abc123/: {reason}.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !IsHttpUrl(options.PublicUrl))
        {
            errors.Add($"{Prefix}:PublicUrl must be an absolute http(s) URL, e.g. https://bots.example.com/.");
        }

        foreach (var bot in catalog.Definitions)
        {
            ValidateBot(bot.Code, options.For(bot.Code), options, hasPortal, errors);
            if (bot.SettingsType is { } settingsType && configuration is not null)
            {
                // The bot's own settings: only the bot knows their types, through the class it declared for them.
                errors.AddRange(SettingsCheck.RunBotSettings(configuration.GetSection($"{Prefix}:Bots:{bot.Code}"), settingsType));
            }

            errors.AddRange(bot.CronJobs
                .Where(job => !Quartz.CronExpression.TryParse(job.Expression, out _))
                .Select(job => $"Bot {bot.Code} declares job '{job.Name}' with an invalid Quartz cron expression '{job.Expression}' (seconds first, e.g. \"0 0 9 ? * MON-FRI\")."));
        }

        ValidateOAuth(options, errors);
        ValidateFetch(options.Fetch, errors);
        ValidateTimers(options.Timers, errors);
        if (options.Memory.IdleAfter <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Memory:IdleAfter must be positive (e.g. 00:00:05).");
        }

        if (options.Api.Key is { } apiKey && apiKey.Trim().Length < MinApiKeyLength)
        {
            // A short key is guessed; the endpoint it opens makes a bot post anywhere it is a member.
            errors.Add($"{Prefix}:Api:Key must be at least {MinApiKeyLength} characters (invent one: e.g. 64 random hex characters), or unset to turn the API off.");
        }

        ValidateInbox(options, errors);
        ValidateDelivery(options.RateLimit, options.SendQueue, errors);
        ValidateRedis(options.Redis, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateOAuth(ChatBotHostOptions options, List<string> errors)
    {
        var oauth = options.OAuth;
        if (!oauth.IsConfigured)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(oauth.ClientSecret))
        {
            errors.Add($"{Prefix}:OAuth:ClientSecret is required with {Prefix}:OAuth:ClientId (both are shown in the application's settings on the portal).");
        }

        if (!IsHttpUrl(oauth.ServerUrl))
        {
            errors.Add($"{Prefix}:OAuth:ServerUrl must be an absolute http(s) URL (default https://oauth.bitrix.info/).");
        }

        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            errors.Add($"{Prefix}:PublicUrl is required with {Prefix}:OAuth:ClientId: the portal posts installs to {{PublicUrl}}/bitrix/install, uninstalls to {{PublicUrl}}/bitrix/uninstall and the administrator's decisions on methods to {{PublicUrl}}/bitrix/method-confirm.");
        }

        if (oauth.PortalSyncInterval <= TimeSpan.Zero || oauth.RefreshWait <= TimeSpan.Zero || oauth.KeepAliveCheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:OAuth:PortalSyncInterval, RefreshWait and KeepAliveCheckInterval must be positive.");
        }

        if (oauth.KeepAliveAfter <= TimeSpan.Zero || oauth.KeepAliveAfter >= TimeSpan.FromDays(180))
        {
            errors.Add($"{Prefix}:OAuth:KeepAliveAfter must be positive and below 180 days (the refresh token's lifetime).");
        }
    }

    private static void ValidateBot(string code, BotSettings bot, ChatBotHostOptions options, bool hasPortal, List<string> errors)
    {
        if (!bot.Enabled)
        {
            return;
        }

        var key = $"{Prefix}:Bots:{code}";
        if (bot.BotToken is { } token && (token.Length > MaxBotTokenLength || token.Any(char.IsWhiteSpace) || token.Length == 0))
        {
            errors.Add($"{key}:BotToken must be 1 to {MaxBotTokenLength} characters without spaces (it has {token.Length}); Bitrix24 rejects longer tokens.");
        }

        if (hasPortal && string.IsNullOrEmpty(bot.BotToken))
        {
            errors.Add($"{key}:BotToken is required when {Prefix}:Portal:WebhookUrl is set (invent one: e.g. 32 random hex characters).");
        }

        // In local mode the host knows its own address; a real portal needs to be told where we are.
        if (hasPortal && bot.EventMode == EventMode.Webhook && string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            errors.Add($"{key}:EventMode is webhook, which needs {Prefix}:PublicUrl (the URL at which Bitrix24 reaches this host).");
        }

        if (bot.WithUserEvents && bot.EventMode != EventMode.Fetch)
        {
            errors.Add($"{key}:WithUserEvents needs {key}:EventMode fetch: user events come only through Event.get.");
        }
    }

    private static void ValidateFetch(FetchOptions fetch, List<string> errors)
    {
        if (fetch.IdleDelay <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Fetch:IdleDelay must be positive (e.g. 00:00:10).");
        }

        if (fetch.BusyDelay < TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Fetch:BusyDelay must not be negative (e.g. 00:00:02).");
        }

        if (fetch.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{Prefix}:Fetch:BatchSize must be between 1 and 1000.");
        }

        if (fetch.MaxBackoff <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Fetch:MaxBackoff must be positive (e.g. 00:01:00).");
        }

        if (fetch.PollerLease < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}:Fetch:PollerLease must be at least a second (e.g. 00:00:15); a replica renews it every third of it.");
        }
    }

    private static void ValidateTimers(TimerOptions timers, List<string> errors)
    {
        if (timers.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Timers:PollInterval must be positive (e.g. 00:00:01).");
        }

        if (timers.ClaimLease <= TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}:Timers:ClaimLease must be longer than a second (e.g. 00:01:00).");
        }
    }

    private static void ValidateInbox(ChatBotHostOptions options, List<string> errors)
    {
        var inbox = options.Inbox;
        if (inbox.Workers is < 1 or > 1000)
        {
            errors.Add($"{Prefix}:Inbox:Workers must be between 1 and 1000 (e.g. 256).");
        }

        if (inbox.ClaimLease < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}:Inbox:ClaimLease must be at least a second (e.g. 00:00:30); a replica renews it every third of it.");
        }

        if (inbox.MaxAttempts < 1)
        {
            errors.Add($"{Prefix}:Inbox:MaxAttempts must be at least 1 (e.g. 5).");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:ShutdownTimeout must be positive (e.g. 00:00:30).");
        }
    }

    private static void ValidateRedis(RedisOptions redis, List<string> errors)
    {
        if (redis.WaitForReplicas is < 0 or > MaxWaitForReplicas)
        {
            errors.Add($"{Prefix}:Redis:WaitForReplicas must be between 0 (off) and {MaxWaitForReplicas} (1 waits for one replica of the primary that took the event).");
        }

        // WAIT holds the connection to that node, and every command queued behind it, until it returns; and a webhook
        // must be answered well within the inbox's store timeout.
        if (redis.WaitForReplicasTimeout <= TimeSpan.Zero || redis.WaitForReplicasTimeout > MaxWaitForReplicasTimeout)
        {
            errors.Add($"{Prefix}:Redis:WaitForReplicasTimeout must be positive and at most {MaxWaitForReplicasTimeout:c} (e.g. 00:00:00.500); 0 would make Redis wait forever.");
        }
    }

    private static void ValidateDelivery(RateLimitOptions rateLimit, SendQueueOptions outbox, List<string> errors)
    {
        if (!double.IsFinite(rateLimit.DrainPerSecond) || rateLimit.DrainPerSecond <= 0)
        {
            errors.Add($"{Prefix}:RateLimit:DrainPerSecond must be positive (2 for most plans, 5 for Enterprise).");
        }

        if (rateLimit.Burst < 1)
        {
            errors.Add($"{Prefix}:RateLimit:Burst must be at least 1 (50 for most plans, 250 for Enterprise).");
        }

        if (outbox.MaxBatchSize is < 1 or > 50)
        {
            errors.Add($"{Prefix}:Outbox:MaxBatchSize must be between 1 and 50 (a batch carries at most 50 calls).");
        }

        if (outbox.MaxConcurrentRequests is < 1 or > 16)
        {
            errors.Add($"{Prefix}:Outbox:MaxConcurrentRequests must be between 1 and 16.");
        }

        if (outbox.MaxAttempts < 1)
        {
            errors.Add($"{Prefix}:Outbox:MaxAttempts must be at least 1.");
        }

        if (outbox.FirstRetryDelay <= TimeSpan.Zero || outbox.MaxRetryDelay < outbox.FirstRetryDelay)
        {
            errors.Add($"{Prefix}:Outbox:FirstRetryDelay must be positive and no longer than {Prefix}:Outbox:MaxRetryDelay (e.g. 00:00:01 and 00:01:00).");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
