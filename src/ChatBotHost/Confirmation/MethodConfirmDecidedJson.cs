using System.Text.Json;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Confirmation;

/// <summary>
/// A decision as it waits in a dialog's inbox: the host's own small JSON. The ONAPPMETHODCONFIRM form itself is not
/// queued: its data[TOKEN] is the access token that asked, a secret that must not be stored.
/// </summary>
internal static class MethodConfirmDecidedJson
{
    public static string Serialize(MethodConfirmDecided decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var wire = new Wire(decision.Method, decision.Allowed, decision.Portal, decision.TargetDialogId, decision.Language, decision.Date);
        return JsonSerializer.Serialize(wire, JsonSerializerOptions.Web);
    }

    /// <summary>Reads the decision back for <paramref name="bot"/> (the bot's id at run time).</summary>
    /// <exception cref="EventDecodingException">The JSON is not a queued decision.</exception>
    public static MethodConfirmDecided Deserialize(string json, BotInfo bot)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new EventDecodingException("A queued method confirmation is not valid JSON.", ex);
        }

        if (wire is null || string.IsNullOrEmpty(wire.Method))
        {
            throw new EventDecodingException("A queued method confirmation names no method.");
        }

        return new MethodConfirmDecided
        {
            Source = EventSource.Webhook,
            Date = wire.Date,
            Bot = bot,
            Method = wire.Method,
            Allowed = wire.Allowed,
            Portal = wire.Portal ?? "",
            TargetDialogId = wire.DialogId,
            Language = wire.Language,
        };
    }

    private sealed record Wire(string? Method, bool Allowed, string? Portal, string? DialogId, string? Language, DateTimeOffset? Date);
}
