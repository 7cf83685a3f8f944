namespace ChatBotHost.Testing;

/// <summary>Satisfies the host's HTTP client factory; the recording portal answers every call, so no client is used.</summary>
internal sealed class NoHttpClients : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
