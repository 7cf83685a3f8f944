using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Reads a REST request's parameters: the query string, then a JSON or PHP-form body over it.</summary>
internal static class RestRequestReader
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = PhpForm.Decode(request.QueryString.HasValue ? request.QueryString.Value![1..] : "");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return parameters;
        }

        var fromBody = IsJson(request.ContentType, body) ? ParseJson(body) : PhpForm.Decode(body.Trim());
        foreach (var (key, value) in fromBody.ToList())
        {
            fromBody.Remove(key);
            parameters[key] = value;
        }

        return parameters;
    }

    private static bool IsJson(string? contentType, string body) =>
        contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || (contentType is null && body.TrimStart().StartsWith('{'));

    private static JsonObject ParseJson(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new RestException("INVALID_REQUEST", "The request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new RestException("INVALID_REQUEST", "The request body is not valid JSON");
        }
    }
}
