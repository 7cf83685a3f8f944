using System.Net;

namespace ChatBotHost.Testing;

/// <summary>Answers the file-download client's GET from <see cref="KitFiles"/>: the bytes, or 404 as an expired link would.</summary>
internal sealed class KitFileHandler(KitFiles files) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.RequestUri is { } url ? files.ContentAt(url) : null;
        return Task.FromResult(content is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) });
    }
}
