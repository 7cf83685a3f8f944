using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatBotHost.OAuth;

/// <summary>
/// The "oauth" HttpClient (oauth.bitrix.info) and its resilience pipeline (Microsoft.Extensions.Http.Resilience).
/// Not the standard handler: that one retries 5xx, 408, 429 and attempt timeouts, and every one of those can follow a
/// request the server received. A refresh token is single-use: the server rotates the pair as it answers, so a grant it
/// has seen must never be sent again, or the retry is refused (invalid_grant) and the portal needs a reinstall.
/// A retry therefore happens only when the request provably never left: the name did not resolve, the TCP connection
/// or the TLS handshake failed. Everything else (an answer of any status, a connection lost mid-request, a timeout)
/// goes back to <see cref="PortalTokens"/> as a failed refresh, which keeps the old pair and tries on the next 401.
/// Single-flight stays where it was: PortalTokens' local gate and the Redis lease around the one call of the holder.
/// </summary>
internal static class OAuthServerHttp
{
    /// <summary>
    /// The whole refresh (every attempt and pause) ends well inside the refresh lease's 30 s (PortalTokens.LeaseTtl), so
    /// no other replica can take the lease and send the same refresh token while this one still waits for an answer.
    /// </summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(20);

    public static IHttpClientBuilder AddOAuthServerHttpClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient(OAuthServerClient.HttpClientName, http =>
            {
                // A backstop only: the body is read after the handler pipeline returns, outside its timeout.
                http.Timeout = TotalTimeout + TimeSpan.FromSeconds(5);
            })
            // The token request's query carries client_secret and the refresh token: nothing may log it.
            .RemoveAllLoggers();
        client.AddResilienceHandler("oauth-refresh", Configure);
        return client;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) => pipeline
        .AddTimeout(TotalTimeout)
        .AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(NeverLeft(args.Outcome.Exception)),
        });

    /// <summary>True when the request cannot have reached the server; an answer (any status) is never retried.</summary>
    internal static bool NeverLeft(Exception? failure) => failure is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
    };
}
