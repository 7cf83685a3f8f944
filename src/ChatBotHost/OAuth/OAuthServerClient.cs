using System.Globalization;
using System.Text.Json;
using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ChatBotHost.OAuth;

/// <summary>
/// Talks to oauth.bitrix.info (ChatBotHost:OAuth:ServerUrl): the only place client_secret is sent (spec §1.2).
/// Its HttpClient logs nothing, because the query string carries the secret and the refresh token; its resilience
/// (a retry only when the request never left, and a total timeout) is <see cref="OAuthServerHttp"/>'s.
/// </summary>
internal sealed class OAuthServerClient(IHttpClientFactory httpClients, IOptions<ChatBotHostOptions> options, TimeProvider time)
{
    public const string HttpClientName = "oauth";

    public async Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value.OAuth;
        var query = string.Join('&',
            "grant_type=refresh_token",
            "client_id=" + Uri.EscapeDataString(settings.ClientId ?? ""),
            "client_secret=" + Uri.EscapeDataString(settings.ClientSecret ?? ""),
            "refresh_token=" + Uri.EscapeDataString(refreshToken));
        var url = new Uri(new Uri(settings.ServerUrl.TrimEnd('/') + "/"), "oauth/token/?" + query);
        JsonElement body;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(url, cancellationToken);
            body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TimeoutRejectedException
                                       or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Only the host is named: the URL carries secrets.
            throw new OAuthGrantException("transport", $"The OAuth server {url.Host} gave no usable answer: {ex.GetType().Name}", ex);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new OAuthGrantException("invalid_response", "The OAuth server answered no JSON object.");
        }

        if (Text(body, "error") is { } error)
        {
            throw new OAuthGrantException(error, $"The OAuth server refused the refresh: {error}");
        }

        var access = Text(body, "access_token") ?? throw new OAuthGrantException("invalid_response", "No access_token in the answer.");
        var refresh = Text(body, "refresh_token") ?? throw new OAuthGrantException("invalid_response", "No refresh_token in the answer.");
        return new TokenGrant(access, refresh, ExpiresAt(body), Text(body, "client_endpoint"), Text(body, "member_id"));
    }

    // expires (unix) comes with a refresh; expires_in (seconds) is the fallback.
    private DateTimeOffset ExpiresAt(JsonElement body) =>
        Number(body, "expires") is { } unix
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : time.GetUtcNow().AddSeconds(Number(body, "expires_in") ?? 3600);

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;
}
