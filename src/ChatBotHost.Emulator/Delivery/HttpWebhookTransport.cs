using System.Net.Http.Headers;
using System.Text;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>POSTs events the way Bitrix24's queue server does: x-www-form-urlencoded, no retries.</summary>
internal sealed class HttpWebhookTransport(TimeSpan timeout) : IWebhookTransport, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = timeout,
    };

    public async Task<int> PostFormAsync(Uri url, string formBody, CancellationToken cancellationToken)
    {
        using var content = new StringContent(formBody, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded"); // no charset, like PHP
        using var response = await _client.PostAsync(url, content, cancellationToken);
        return (int)response.StatusCode;
    }

    public void Dispose() => _client.Dispose();
}
