using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Turns a request record into its JSON parameters (camelCase, nulls omitted).</summary>
internal static class RequestJson
{
    /// <summary>The request's parameters as a fresh, mutable JSON object.</summary>
    public static JsonObject ToParameters(object request) =>
        JsonSerializer.SerializeToNode(request, request.GetType(), BitrixJson.Options) as JsonObject
        ?? throw new InvalidOperationException($"{request.GetType().Name} did not serialize to a JSON object.");
}
