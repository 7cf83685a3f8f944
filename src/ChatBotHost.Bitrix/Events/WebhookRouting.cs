using System.Globalization;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// What a host must know of a webhook delivery before it stores it: the event type, the bot it is for, the dialog it
/// belongs to and the auth block. Read without decoding the event: the rest of the body is decoded by whoever handles
/// the event, with <see cref="WebhookEventDecoder"/>, which resolves the same dialog from the same fields.
/// </summary>
/// <param name="EventType">The canonical wire type (e.g. ONIMBOTV2MESSAGEADD), as <see cref="BotEvent.Type"/> gives it.</param>
/// <param name="BotId">data.bot.id; 0 when absent.</param>
/// <param name="DialogId">The dialog, as <see cref="BotEvent.DialogId"/> would give it; null for events of no dialog.</param>
/// <param name="Auth">The top-level auth block, if the body has one.</param>
/// <param name="BotAccess">The application access token in data.bot.auth (application bots), if any.</param>
public sealed record WebhookRouting(string EventType, int BotId, string? DialogId, WebhookAuth? Auth, EventAccessToken? BotAccess)
{
    /// <summary>Reads the routing fields of a body, form or JSON as <see cref="WebhookEventDecoder.Decode"/> tells them apart.</summary>
    /// <remarks>
    /// The whole body is held to <see cref="FormLimits.Default"/> here, also the keys no routing field needs: a body the
    /// worker's full decode would refuse is refused before it is stored.
    /// </remarks>
    /// <exception cref="EventDecodingException">The body exceeds the limits, names no event or data, or a routing field cannot be read.</exception>
    public static WebhookRouting Read(string body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = WebhookEventDecoder.IsJson(body, contentType) ? RoutingFields.FromJson(WebhookEventDecoder.ParseJson(body)) : FromForm(body);
        if (!fields.HasData)
        {
            throw EventDecodingException.Missing("data");
        }

        var shape = EventFactory.Shape(fields[RoutingField.Event] is { Length: > 0 } type ? type : throw EventDecodingException.Missing("event"));
        var dialogId = shape is ChatEvent
            ? ChatEvent.ResolveDialogId(
                fields[RoutingField.DialogId],
                new Chat { Id = fields.Int32(RoutingField.ChatId), DialogId = fields[RoutingField.ChatDialogId], Type = fields[RoutingField.ChatType] },
                new User { Id = fields.Int32(RoutingField.UserId) })
            : null;
        return new WebhookRouting(shape.Type, fields.Int32(RoutingField.BotId), dialogId, ReadAuth(fields), ReadBotAccess(fields));
    }

    private static RoutingFields FromForm(string body)
    {
        try
        {
            return RoutingFields.FromForm(body, FormLimits.Default);
        }
        catch (PhpFormLimitException exception)
        {
            throw WebhookEventDecoder.Refused(exception);
        }
    }

    private static WebhookAuth? ReadAuth(RoutingFields fields) => fields.HasAuth
        ? new WebhookAuth(
            fields[RoutingField.AuthDomain],
            fields[RoutingField.AuthClientEndpoint],
            fields[RoutingField.AuthServerEndpoint],
            fields[RoutingField.AuthMemberId],
            fields[RoutingField.AuthApplicationToken])
        : null;

    // expires (unix seconds) may be missing; expires_in then counts from now. The token only spares a refresh, so one
    // whose expiry cannot be read is left out rather than failing the event.
    private static EventAccessToken? ReadBotAccess(RoutingFields fields)
    {
        if (fields[RoutingField.BotAccessToken] is not { Length: > 0 } token)
        {
            return null;
        }

        if (Seconds(fields[RoutingField.BotAccessExpires]) is { } unix)
        {
            return new EventAccessToken(token, DateTimeOffset.FromUnixTimeSeconds(unix), null);
        }

        return Seconds(fields[RoutingField.BotAccessExpiresIn]) is { } seconds
            ? new EventAccessToken(token, null, TimeSpan.FromSeconds(seconds))
            : null;
    }

    // Up to the year 9999 as a unix time, which also keeps any span of that many seconds representable.
    private static long? Seconds(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 253_402_300_799
            ? seconds
            : null;
}
