using ChatBotHost.Emulator.Chat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatBotHost.Hosting;

/// <summary>Where a browser finds the local-mode chat page: the address the host really listens on, plus /emulator/.</summary>
internal static class ChatPageAddress
{
    public static Uri? From(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Plain http first: a browser opens it without certificate questions.
        var listening = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (listening is null)
        {
            return null;
        }

        // Kestrel reports wildcard binds as http://[::]:5000, http://0.0.0.0:5000 or http://+:5000; a browser wants a host.
        var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + EmulatorChatEndpoints.DefaultPrefix + "/");
    }
}
