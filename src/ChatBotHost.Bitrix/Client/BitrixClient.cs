using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Bitrix.Client;

/// <summary>
/// Sends typed requests to one portal: POST {endpoint}{method} with a JSON body, maps the answer to the result or to
/// <see cref="BitrixApiException"/>, refreshes an expired OAuth token once. No other retries: those belong to an outer layer.
/// </summary>
public sealed class BitrixClient : IBitrixClient
{
    private readonly HttpClient _http;
    private readonly IBitrixCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _refreshesToken;

    /// <summary>Creates a client over an HttpClient whose timeout and handler the caller owns.</summary>
    public BitrixClient(HttpClient http, IBitrixCredentials credentials, TimeProvider? time = null, ILogger<BitrixClient>? logger = null)
        : this(http, credentials, refreshesToken: true, time, logger)
    {
    }

    /// <summary>
    /// Creates a client that refreshes an expired OAuth token itself (<paramref name="refreshesToken"/> true) or leaves
    /// that to a caller that composes its own call path (the host's call pipeline, where the repeated request has to
    /// take its own slot of the portal's request bucket).
    /// </summary>
    public BitrixClient(HttpClient http, IBitrixCredentials credentials, bool refreshesToken, TimeProvider? time = null, ILogger<BitrixClient>? logger = null)
    {
        _refreshesToken = refreshesToken;
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        _http = http;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method;
        var body = await BuildBodyAsync(request, cancellationToken);
        try
        {
            return await SendAsync<TResult>(method, body, cancellationToken);
        }
        catch (BitrixApiException e) when (_refreshesToken && e.Behaviour == BitrixErrorBehaviour.RefreshTokenOnce)
        {
            // spec §1.2: refresh lazily on expired_token, then retry the call exactly once.
            if (!await _credentials.TryRefreshAsync(body, cancellationToken))
            {
                throw;
            }

            BitrixClientLog.Refreshed(_logger, method);
        }

        body = await BuildBodyAsync(request, cancellationToken);
        return await SendAsync<TResult>(method, body, cancellationToken);
    }

    private async ValueTask<JsonObject> BuildBodyAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        var body = request is IComposedRequest composed
            ? await composed.ComposeAsync(_credentials, cancellationToken)
            : RequestJson.ToParameters(request);
        await _credentials.AuthorizeAsync(request.Method, body, cancellationToken);
        return body;
    }

    private async Task<TResult> SendAsync<TResult>(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var endpoint = await _credentials.GetEndpointAsync(cancellationToken);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, method));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("ChatBotHost", "1.0"));
        message.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, BitrixJson.Options));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var started = _time.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(message, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = _time.GetElapsedTime(started);
            BitrixClientLog.Answered(_logger, method, endpoint.Host, (int)response.StatusCode, elapsed.TotalMilliseconds);

            return BitrixEnvelope.Read<TResult>(method, response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation, so HttpClient.Timeout fired.
            BitrixClientLog.TimedOut(_logger, method, endpoint.Host);
            throw new BitrixApiException(BitrixErrors.Transport, $"{method}: no answer from {endpoint.Host} in time", 0, inner: e);
        }
        catch (HttpRequestException e)
        {
            // HttpRequestException messages name host and port at most, never the path with the webhook code.
            BitrixClientLog.Failed(_logger, method, endpoint.Host, e.HttpRequestError);
            throw new BitrixApiException(
                BitrixErrors.Transport, $"{method}: request to {endpoint.Host} failed ({e.HttpRequestError})", e.StatusCode ?? 0, inner: e);
        }
    }
}
