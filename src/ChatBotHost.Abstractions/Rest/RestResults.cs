using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>Reads an untyped result as the author's type, failing the way a typed request's unreadable answer fails.</summary>
internal static class RestResults
{
    public static T Read<T>(string method, JsonNode? result)
    {
        try
        {
            return result.Deserialize<T>(BitrixJson.Options)!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new BitrixApiException(
                BitrixErrors.UnexpectedAnswer, $"{method}: the result could not be read as {typeof(T).Name}: {e.Message}", HttpStatusCode.OK, inner: e);
        }
    }
}
