namespace ChatBotHost.Tests.Delivery;

/// <summary>An HTTP client factory whose clients all talk to one handler (the fake portal).</summary>
internal sealed class HandlerClients(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
