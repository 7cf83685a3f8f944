using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Delivery;

/// <summary>A given-up call as dead-letter JSON: <c>{"method": ..., "params": {...}}</c>, with every secret removed.</summary>
internal static class DeadLetterPayload
{
    // Requests never carry the credentials (the client adds them), but Bot.register/update fields may hold a botToken
    // and a webhookUrl, whose path carries the bot's webhook secret.
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "botToken", "auth", "CLIENT_ID", "access_token", "refresh_token", "application_token", "client_secret", "webhookUrl",
    };

    public static string Of(string method, object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = JsonSerializer.SerializeToNode(request, request.GetType(), BitrixJson.Options) as JsonObject ?? [];
        parameters.Remove("method");
        Scrub(parameters);
        return new JsonObject { ["method"] = method, ["params"] = parameters }.ToJsonString();
    }

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject values:
                foreach (var name in values.Select(p => p.Key).Where(SecretNames.Contains).ToArray())
                {
                    values.Remove(name);
                }

                foreach (var (_, value) in values)
                {
                    Scrub(value);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Scrub(item);
                }

                break;
        }
    }
}
