using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Reads Bitrix24's answer envelope (spec §2.2): <c>result</c> on success, <c>error</c> otherwise.</summary>
internal static class BitrixEnvelope
{
    private static readonly JsonDocumentOptions AnswerJson = new() { MaxDepth = FormLimits.DefaultMaxDepth };

    /// <summary>Returns the typed result or throws <see cref="BitrixApiException"/>.</summary>
    public static TResult Read<TResult>(string method, HttpStatusCode status, string? mediaType, byte[] body)
    {
        var root = Parse(body);
        if (root is not JsonObject envelope)
        {
            throw Unreadable(method, status, $"a non-JSON answer ({mediaType ?? "no content type"}, {body.Length} bytes)");
        }

        if (envelope.TryGetPropertyValue("error", out var error) && error is not null)
        {
            throw BitrixApiException.From(
                ScalarText(error) ?? "UNKNOWN_ERROR",
                envelope["error_description"] is { } description ? ScalarText(description) : null,
                status,
                OperatingResetAt(envelope["time"]));
        }

        var successful = (int)status is >= 200 and < 300;
        if (!successful || !envelope.TryGetPropertyValue("result", out var result))
        {
            throw Unreadable(method, status, "an answer with neither result nor error");
        }

        // A list page also needs the envelope's next and total, which sit beside result rather than in it.
        if (typeof(TResult) == typeof(RawPage))
        {
            return (TResult)(object)RawPage.From(result, envelope["next"], envelope["total"]);
        }

        try
        {
            return result.Deserialize<TResult>(BitrixJson.Options)!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            // JsonException names the JSON path, never the values, so no token can leak through its message.
            throw new BitrixApiException(
                BitrixErrors.UnexpectedAnswer,
                $"{method}: the result could not be read as {typeof(TResult).Name}: {e.Message}",
                status,
                inner: e);
        }
    }

    /// <summary>The unix time when the method's time budget frees up, from time.operating_reset_at.</summary>
    public static long? OperatingResetAt(JsonNode? time) =>
        time is JsonObject times && times["operating_reset_at"] is JsonValue value ? ToLong(value) : null;

    /// <summary>A JSON scalar as text (error codes may arrive as numbers).</summary>
    public static string? ScalarText(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static JsonNode? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            // The depth is said explicitly (64, System.Text.Json's default): whatever walks the answer later (DeepClone,
            // the serializer) recurses only that far, even if an endpoint answers with a nesting bomb. No count cap:
            // one Event.get page of 1,000 events holds far more values than any single event may.
            return JsonNode.Parse(body, documentOptions: AnswerJson);
        }
        catch (JsonException)
        {
            return null; // proxies and maintenance pages answer with HTML; the caller maps that to an exception
        }
    }

    private static BitrixApiException Unreadable(string method, HttpStatusCode status, string what)
    {
        // A 2xx that cannot be read is the server's fault; anything else never reached Bitrix24's REST layer.
        var code = (int)status is >= 200 and < 300 ? BitrixErrors.UnexpectedAnswer : BitrixErrors.Transport;
        return new BitrixApiException(code, $"{method}: {what}", status);
    }

    private static long? ToLong(JsonValue value)
    {
        if (value.TryGetValue(out long number))
        {
            return number;
        }

        if (value.TryGetValue(out double fraction))
        {
            return (long)fraction;
        }

        return value.TryGetValue(out string? text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? (long)parsed
            : null;
    }
}
