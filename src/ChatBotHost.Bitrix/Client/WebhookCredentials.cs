using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Client;

/// <summary>
/// Incoming-webhook authorization (spec §1.1): the URL carries the user and secret code, every imbot.v2 call
/// (except Revision.get) carries the bot's botToken.
/// </summary>
public sealed class WebhookCredentials : IBitrixCredentials
{
    private readonly Uri _baseUrl;
    private readonly string? _botToken;
    private readonly int? _botId;

    /// <summary>Creates credentials from a webhook base URL such as https://portal/rest/1/code/ (with the trailing slash).</summary>
    public WebhookCredentials(Uri webhookBaseUrl, string? botToken, int? botId)
    {
        ArgumentNullException.ThrowIfNull(webhookBaseUrl);
        if (!webhookBaseUrl.IsAbsoluteUri || webhookBaseUrl.Scheme is not ("https" or "http"))
        {
            // The URL holds the webhook secret, so it is never echoed back in the message.
            throw new ArgumentException("The webhook base URL must be an absolute http(s) URL.", nameof(webhookBaseUrl));
        }

        if (!webhookBaseUrl.AbsolutePath.EndsWith('/') || webhookBaseUrl.Query.Length > 0 || webhookBaseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException("The webhook base URL must end with '/' and carry no query or fragment.", nameof(webhookBaseUrl));
        }

        if (botToken is not null && string.IsNullOrWhiteSpace(botToken))
        {
            throw new ArgumentException("The botToken must not be blank.", nameof(botToken));
        }

        _baseUrl = webhookBaseUrl;
        _botToken = botToken;
        _botId = botId;
    }

    /// <summary>The portal's host, the only part of the URL that is safe to log.</summary>
    public string Host => _baseUrl.Host;

    /// <inheritdoc />
    public ValueTask<Uri> GetEndpointAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_baseUrl);

    /// <inheritdoc />
    public ValueTask AuthorizeAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        Authorize(method, parameters);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AuthorizeBatchCallAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        Authorize(method, parameters);
        return ValueTask.CompletedTask;
    }

    /// <summary>A webhook code cannot be refreshed.</summary>
    public ValueTask<bool> TryRefreshAsync(JsonObject rejectedParameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>Describes the credentials without the webhook code or the token.</summary>
    public override string ToString() => $"WebhookCredentials({_baseUrl.Host}, botId {_botId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";

    private void Authorize(string method, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        BotIdPolicy.FillBotId(method, parameters, _botId);
        if (_botToken is null || !BotIdPolicy.TakesBotToken(method))
        {
            return;
        }

        parameters["botToken"] ??= _botToken;

        // spec §10.4: the method page wants fields.botToken, the quick start the top level; send both.
        if (BotIdPolicy.IsBotRegister(method) && parameters["fields"] is JsonObject fields)
        {
            fields["botToken"] ??= _botToken;
        }
    }
}
