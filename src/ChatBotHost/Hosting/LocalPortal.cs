using System.Security.Cryptography;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Chat;

namespace ChatBotHost.Hosting;

/// <summary>
/// Local mode: with no portal configured, the host runs against the built-in emulator, so the production code path
/// (registration, Event.get or webhook posts, Message.send) runs on a laptop without Bitrix24.
/// </summary>
internal sealed class LocalPortal : IAsyncDisposable
{
    private LocalPortal(BitrixEmulator emulator) => Emulator = emulator;

    public BitrixEmulator Emulator { get; }

    /// <summary>Starts the emulator and points the configuration at it, unless a portal is configured.</summary>
    public static async Task<LocalPortal?> StartIfNeededAsync(IConfigurationManager configuration, CancellationToken cancellationToken)
    {
        const string key = $"{ChatBotHostOptions.SectionName}:Portal:WebhookUrl";
        // Application (OAuth) mode needs no webhook portal: portals arrive with installs.
        if (!string.IsNullOrWhiteSpace(configuration[key]) || !string.IsNullOrWhiteSpace(configuration[$"{ChatBotHostOptions.SectionName}:OAuth:ClientId"]))
        {
            return null;
        }

        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        configuration[key] = emulator.WebhookUrl.AbsoluteUri;

        // The built-in emulator sets no rate limit (unless asked), so neither does the host: with the real portal's
        // 2 requests/s, a few bots polling every second would keep the chat waiting. An explicit setting still wins.
        SetUnlessConfigured(configuration, $"{ChatBotHostOptions.SectionName}:RateLimit:DrainPerSecond", "1000");
        SetUnlessConfigured(configuration, $"{ChatBotHostOptions.SectionName}:RateLimit:Burst", "1000");
        return new LocalPortal(emulator);
    }

    private static void SetUnlessConfigured(IConfigurationManager configuration, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(configuration[key]))
        {
            configuration[key] = value;
        }
    }

    /// <summary>Serves the emulator's chat page at {host}/emulator/, so a newcomer can talk to the bots in a browser.</summary>
    public void MapChatPage(IEndpointRouteBuilder endpoints) => endpoints.MapEmulatorChat(Emulator);

    /// <summary>A fresh token for a bot that has none configured (32 hex characters); the emulator learns it at Bot.register.</summary>
    public static string NewBotToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
