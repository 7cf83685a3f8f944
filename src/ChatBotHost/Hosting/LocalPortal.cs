using System.Security.Cryptography;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Chat;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Hosting;

/// <summary>
/// Local mode: with no portal configured, the host runs against the built-in emulator, so the production code path
/// (registration, Event.get or webhook posts, Message.send) runs on a laptop without Bitrix24. Only when asked: see
/// <see cref="StartIfNeededAsync"/>.
/// </summary>
internal sealed class LocalPortal : IAsyncDisposable
{
    public const string WebhookUrlKey = $"{ChatBotHostOptions.SectionName}:Portal:WebhookUrl";
    public const string ClientIdKey = $"{ChatBotHostOptions.SectionName}:OAuth:ClientId";
    public const string LocalModeKey = $"{ChatBotHostOptions.SectionName}:LocalMode";

    private LocalPortal(BitrixEmulator emulator) => Emulator = emulator;

    public BitrixEmulator Emulator { get; }

    /// <summary>
    /// Starts the emulator and points the configuration at it, unless a portal is configured. The emulator acts as the
    /// portal's admin and its chat page is served by the host, so it starts only when asked: in the Development
    /// environment (dotnet run) or with ChatBotHost:LocalMode=true; anywhere else a host without a portal refuses to start.
    /// </summary>
    /// <exception cref="OptionsValidationException">No portal is configured and local mode is not allowed here.</exception>
    public static async Task<LocalPortal?> StartIfNeededAsync(IConfigurationManager configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        // Application (OAuth) mode needs no webhook portal: portals arrive with installs.
        if (!string.IsNullOrWhiteSpace(configuration[WebhookUrlKey]) || !string.IsNullOrWhiteSpace(configuration[ClientIdKey]))
        {
            return null;
        }

        if (!IsAllowed(configuration, environment))
        {
            throw new OptionsValidationException(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), [NotAllowedMessage(environment)]);
        }

        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        configuration[WebhookUrlKey] = emulator.WebhookUrl.AbsoluteUri;

        // The built-in emulator sets no rate limit (unless asked), so neither does the host: with the real portal's
        // 2 requests/s, a few bots polling every second would keep the chat waiting. An explicit setting still wins.
        SetUnlessConfigured(configuration, $"{ChatBotHostOptions.SectionName}:RateLimit:DrainPerSecond", "1000");
        SetUnlessConfigured(configuration, $"{ChatBotHostOptions.SectionName}:RateLimit:Burst", "1000");
        return new LocalPortal(emulator);
    }

    /// <summary>An explicit ChatBotHost:LocalMode decides; unset, only the Development environment runs locally.</summary>
    internal static bool IsAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        var setting = configuration[LocalModeKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return environment.IsDevelopment();
        }

        return bool.TryParse(setting, out var allowed)
            ? allowed
            : throw new OptionsValidationException(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), [$"{LocalModeKey} must be true or false."]);
    }

    private static string NotAllowedMessage(IHostEnvironment environment) =>
        $"No portal is configured: set {WebhookUrlKey} (an incoming webhook) or {ClientIdKey} (an application). "
        + $"Local mode (the built-in emulator, which acts as the portal's admin and serves its chat page) starts by itself "
        + $"only in the Development environment (this is '{environment.EnvironmentName}'); set {LocalModeKey}=true to run it here.";

    private static void SetUnlessConfigured(IConfigurationManager configuration, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(configuration[key]))
        {
            configuration[key] = value;
        }
    }

    /// <summary>
    /// Replies in local mode come at once although the pollers keep the production idle delay: the emulator says when
    /// it queues an event, and that bot's waiting poll goes then. Polling every second instead kept the whole HTTP,
    /// emulator and JSON path running, and cost about 10 MB of idle memory (docs/performance.md, Memory).
    /// </summary>
    public void WakePollers(BotDirectory bots, Delivery.SendQueue outbox)
    {
        ArgumentNullException.ThrowIfNull(bots);
        ArgumentNullException.ThrowIfNull(outbox);
        Emulator.Portal.OnFetchEventQueued(botId =>
        {
            foreach (var bot in bots.All.Where(b => botId is { } id ? b.BotId == id : b.Settings.WithUserEvents))
            {
                outbox.HurryPoll(bot);
            }
        });
    }

    /// <summary>Serves the emulator's chat page at {host}/emulator/, so a newcomer can talk to the bots in a browser.</summary>
    public void MapChatPage(IEndpointRouteBuilder endpoints) =>
        endpoints.MapEmulatorChat(Emulator, notices: endpoints.ServiceProvider.GetService<LiveBots.LiveBotUnits>() is { } units ? units.Notices : null).MapEmulatorIcon();

    /// <summary>A fresh token for a bot that has none configured (32 hex characters); the emulator learns it at Bot.register.</summary>
    public static string NewBotToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
