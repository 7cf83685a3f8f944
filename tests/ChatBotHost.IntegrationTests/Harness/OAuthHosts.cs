using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Hosting;
using ChatBotHost.OAuth;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>Hosts in application (OAuth) mode: no webhook portal, the emulator's OAuth server as oauth.bitrix.info.</summary>
internal static class OAuthHosts
{
    public static HostSettings Settings(BitrixEmulator emulator, OAuthServer server, string? redis, string eventMode) =>
        new HostSettings(emulator, redis, eventMode)
            .Set("ChatBotHost:Portal:WebhookUrl", "")
            .Set("ChatBotHost:OAuth:ClientId", server.ClientId)
            .Set("ChatBotHost:OAuth:ClientSecret", server.ClientSecret)
            .Set("ChatBotHost:OAuth:ServerUrl", emulator.OAuthServerUrl.AbsoluteUri)
            .Set("ChatBotHost:OAuth:PortalSyncInterval", "00:00:00.200");

    public static string KeyOf(BitrixEmulator emulator) => OAuthPortal.KeyOf(emulator.Portal.OAuth.MemberId);

    public static HostedBot? Bot(InProcessHost host, BitrixEmulator emulator, string code) =>
        host.Services.GetRequiredService<BotDirectory>().Find(KeyOf(emulator), code);

    /// <summary>Waits until the host serves the bot on the emulator's portal and it is registered.</summary>
    public static async Task<HostedBot> WaitForBotAsync(InProcessHost host, BitrixEmulator emulator, string code)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        HostedBot? bot;
        while ((bot = Bot(host, emulator, code)) is null)
        {
            await Task.Delay(20, timeout.Token);
        }

        await bot.Ready.WaitAsync(timeout.Token);
        return bot;
    }

    /// <summary>Waits until the host no longer serves the emulator's portal.</summary>
    public static async Task WaitForPortalGoneAsync(InProcessHost host, BitrixEmulator emulator)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (host.Services.GetRequiredService<BotDirectory>().OfPortal(KeyOf(emulator)) is not null)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
