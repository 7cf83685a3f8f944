using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Client;

/// <summary>A request that builds its own body because parts of it need authorizing separately (batch sub-calls).</summary>
internal interface IComposedRequest
{
    /// <summary>The body before the outer call's own authorization is added.</summary>
    ValueTask<JsonObject> ComposeAsync(IBitrixCredentials credentials, CancellationToken cancellationToken);
}
