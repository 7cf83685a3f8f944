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
    /// <summary>
    /// Decodes a body by its Content-Type; without a usable one, a body starting with '{' is JSON, anything else a form.
    /// The body is read within <see cref="FormLimits.Default"/>, and the event is keyed by a hash of the exact body
    /// (<see cref="BotEvent.DeliveryHash"/>): Bitrix24 never retries a delivery, so only the same body twice is a repeat.
    /// </summary>
    /// <exception cref="EventDecodingException">The body is not an event, exceeds the limits, or a field cannot be read.</exception>
    public static WebhookDelivery Decode(string body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);

        var root = Parse(body, contentType);
        var type = EventFields.Require<string>(root, "event", "");
        var data = EventFields.Require<JsonObject>(root, "data", "");
        var date = EventFields.Read<DateTimeOffset?>(root, "ts", "");
        var evt = EventFactory.Create(type, data, EventSource.Webhook, eventId: null, date) with { DeliveryHash = StableHash.OfDelivery(body) };
        return new WebhookDelivery(evt, ReadAuth(root));
    }

    private static JsonObject Parse(string body, string? contentType)
    {
        if (IsJson(body, contentType))
        {
            return ParseJson(body);
        }

        try
        {
            return PhpForm.Decode(body, FormLimits.Default);
        }
        catch (PhpFormLimitException exception)
        {
            throw Refused(exception);
        }
    }

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

    /// <summary>A JSON body as an object, read within <see cref="FormLimits.Default"/>.</summary>
    /// <exception cref="EventDecodingException">The body is not a JSON object or exceeds the limits.</exception>
    internal static JsonObject ParseJson(string body)
    {
        JsonNode? node;
        try
        {
            node = LimitedJson.Parse(body, FormLimits.Default);
        }
        catch (PhpFormLimitException exception)
        {
            throw Refused(exception);
        }
        catch (JsonException exception)
        {
            throw new EventDecodingException("The webhook body is not valid JSON.", exception);
        }

        return node as JsonObject ?? throw new EventDecodingException("The webhook body must be a JSON object.");
    }

    /// <summary>A body over the limits, as the error the intake answers 400 with: the reason, never a value.</summary>
    internal static EventDecodingException Refused(PhpFormLimitException exception) =>
        new($"The webhook body is refused: {exception.Message}.", exception);

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
