using ChatBotHost.State;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>
/// HTTP clients for one application portal: the host's pooled "bitrix" handler with a <see cref="PortalGuardHandler"/>
/// in front, and the "bitrix" client's settings (timeout). Every request of the portal's connection passes the guard.
/// </summary>
internal sealed class GuardedHttpClients(IHttpMessageHandlerFactory handlers, IOptionsMonitor<HttpClientFactoryOptions> options, ITokenStore tokens)
{
    public IHttpClientFactory For(OAuthPortal portal) => new PortalClients(this, portal);

    private HttpClient Create(string name, OAuthPortal portal)
    {
        var guard = new PortalGuardHandler(portal, tokens) { InnerHandler = handlers.CreateHandler(name) };
        // The pooled handler outlives this client: the factory owns it, as with IHttpClientFactory's own clients.
        var client = new HttpClient(guard, disposeHandler: false);
        foreach (var configure in options.Get(name).HttpClientActions)
        {
            configure(client);
        }

        return client;
    }

    private sealed class PortalClients(GuardedHttpClients owner, OAuthPortal portal) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => owner.Create(name, portal);
    }
}
