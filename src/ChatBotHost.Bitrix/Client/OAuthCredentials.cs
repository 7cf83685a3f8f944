using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Client;

/// <summary>OAuth authorization (spec §1.2): calls go to the token's client_endpoint with the access token in "auth".</summary>
public sealed class OAuthCredentials : IBitrixCredentials
{
    private readonly ITokenProvider _tokens;
    private readonly int? _botId;

    /// <summary>Creates credentials that read tokens from <paramref name="tokens"/> and fill in <paramref name="botId"/> where needed.</summary>
    public OAuthCredentials(ITokenProvider tokens, int? botId)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        _botId = botId;
    }

    /// <inheritdoc />
    public async ValueTask<Uri> GetEndpointAsync(CancellationToken cancellationToken) =>
        (await _tokens.GetAsync(cancellationToken)).ClientEndpoint;

    /// <inheritdoc />
    public async ValueTask AuthorizeAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        BotIdPolicy.FillBotId(method, parameters, _botId);
        var token = await _tokens.GetAsync(cancellationToken);
        parameters["auth"] = token.Value;
    }

    /// <inheritdoc />
    public ValueTask AuthorizeBatchCallAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        BotIdPolicy.FillBotId(method, parameters, _botId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRefreshAsync(JsonObject rejectedParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejectedParameters);
        var rejected = rejectedParameters["auth"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        var current = await _tokens.GetAsync(cancellationToken);
        if (!string.Equals(current.Value, rejected, StringComparison.Ordinal))
        {
            // Another call refreshed in the meantime: retrying with the current token is enough.
            return true;
        }

        return await _tokens.RefreshAsync(current, cancellationToken) is not null;
    }
}
