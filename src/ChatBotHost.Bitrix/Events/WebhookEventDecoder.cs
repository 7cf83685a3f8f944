using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// Decodes a webhook POST (spec §5.3): PHP form encoding as Bitrix24 sends it, or a JSON body (§10.1),
/// into the same typed events the fetch decoder produces.
/// </summary>
public static class WebhookEventDecoder
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>Decodes a body by its Content-Type; without a usable one, a body starting with '{' is JSON, anything else a form.</summary>
    /// <exception cref="EventDecodingException">The body is not an event or a field cannot be read.</exception>
    public static WebhookDelivery Decode(string body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);

        var root = Parse(body, contentType);
        var type = EventFields.Require<string>(root, "event", "");
        var data = EventFields.Require<JsonObject>(root, "data", "");
        var date = EventFields.Read<DateTimeOffset?>(root, "ts", "");
        var evt = EventFactory.Create(type, data, EventSource.Webhook, eventId: null, date);
        return new WebhookDelivery(evt, ReadAuth(root));
    }

    private static JsonObject Parse(string body, string? contentType) =>
        IsJson(body, contentType) ? ParseJson(body) : PhpForm.Decode(body);

    /// <summary>Whether a body is JSON (§10.1) rather than a PHP form: by its Content-Type, or, without a usable one, by a leading '{'.</summary>
    internal static bool IsJson(string body, string? contentType)
    {
        var mediaType = (contentType.AsSpan().IndexOf(';') is var semicolon and >= 0 ? contentType.AsSpan(0, semicolon) : contentType.AsSpan()).Trim();
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);
    }

    internal static JsonObject ParseJson(string body)
    {
        JsonNode? node;
        try
        {
            // A name given twice would otherwise surface as an ArgumentException on first access, past every caller's
            // handling of bad input; Bitrix24 never writes one, so it is refused as malformed here.
            node = JsonNode.Parse(body, documentOptions: StrictJson);
        }
        catch (JsonException exception)
        {
            throw new EventDecodingException("The webhook body is not valid JSON.", exception);
        }

        return node as JsonObject ?? throw new EventDecodingException("The webhook body must be a JSON object.");
    }

    private static WebhookAuth? ReadAuth(JsonObject root)
    {
        const string Path = "auth";
        if (EventFields.Read<JsonObject>(root, Path, "") is not { } auth)
        {
            return null;
        }

        return new WebhookAuth(
            EventFields.Read<string>(auth, "domain", Path),
            EventFields.Read<string>(auth, "client_endpoint", Path),
            EventFields.Read<string>(auth, "server_endpoint", Path),
            EventFields.Read<string>(auth, "member_id", Path),
            EventFields.Read<string>(auth, "application_token", Path));
    }
}
