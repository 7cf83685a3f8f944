using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Where a portal's REST API lives and how calls to it are authorized (incoming webhook or OAuth).</summary>
public interface IBitrixCredentials
{
    /// <summary>The base URL every method name is appended to; it ends with '/'.</summary>
    ValueTask<Uri> GetEndpointAsync(CancellationToken cancellationToken);

    /// <summary>Adds the authorization parameters (botToken, botId, auth) to a call's JSON body.</summary>
    ValueTask AuthorizeAsync(string method, JsonObject parameters, CancellationToken cancellationToken);

    /// <summary>Adds what one sub-call of a batch needs (botToken, botId); OAuth's auth travels on the outer call only.</summary>
    ValueTask AuthorizeBatchCallAsync(string method, JsonObject parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when the portal answered 401 expired_token to the given (authorized) parameters;
    /// true when a retry has a chance, i.e. a newer token is now available.
    /// </summary>
    ValueTask<bool> TryRefreshAsync(JsonObject rejectedParameters, CancellationToken cancellationToken);
}
