using ChatBotHost.Emulator.Rest;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>GET /oauth/token/ as oauth.bitrix.info answers it (spec §1.2).</summary>
internal sealed class OAuthTokenEndpoint(OAuthServer server)
{
    public Task HandleAsync(HttpContext http)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var (status, body) = server.Token(query);
        return JsonAnswer.WriteAsync(http, status, body);
    }
}
