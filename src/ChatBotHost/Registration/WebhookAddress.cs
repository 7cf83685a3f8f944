using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Registration;

/// <summary>
/// Builds the webhookUrl a bot is registered with: {PublicUrl}/bitrix/events/{code}/{secret}. Without a PublicUrl
/// (local mode only; validation demands one with a real portal) the host's own listening address is used.
/// </summary>
internal sealed class WebhookAddress(IOptions<ChatBotHostOptions> options, IServer server)
{
    public const string RoutePrefix = "/bitrix/events";

    // An application portal's bots carry the portal key in their path: one host serves the same bot code on many portals.
    public Uri For(HostedBot bot, string secret) => bot.Portal.OAuth is null
        ? new(PublicBase(), $"{RoutePrefix.TrimStart('/')}/{bot.Code}/{secret}")
        : new(PublicBase(), $"{RoutePrefix.TrimStart('/')}/{bot.Portal.Key}/{bot.Code}/{secret}");

    /// <summary>An absolute URL of this host, e.g. the ONAPPUNINSTALL handler.</summary>
    public Uri Absolute(string path) => new(PublicBase(), path.TrimStart('/'));

    private Uri PublicBase()
    {
        var configured = options.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"{ChatBotHostOptions.SectionName}:PublicUrl is not set and the host's address is not known yet.");

        // Kestrel reports wildcard binds as http://[::]:5000 or http://0.0.0.0:5000; loopback is where the emulator can reach us.
        var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
