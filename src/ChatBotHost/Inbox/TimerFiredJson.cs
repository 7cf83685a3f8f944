using System.Text.Json;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Inbox;

/// <summary>A fired timer as it waits in the inbox: the host's own small JSON, read back into a <see cref="TimerFired"/>.</summary>
internal static class TimerFiredJson
{
    public static string Serialize(TimerFired timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var wire = new Wire(
            timer.Kind.ToString(), timer.Name, timer.TimerId, timer.DueAt, timer.Payload, timer.TargetDialogId, timer.Language, timer.Date);
        return JsonSerializer.Serialize(wire, JsonSerializerOptions.Web);
    }

    /// <summary>Reads the timer back for <paramref name="bot"/> (the bot's id at run time, which a re-registration may change).</summary>
    /// <exception cref="EventDecodingException">The JSON is not a fired timer.</exception>
    public static TimerFired Deserialize(string json, BotInfo bot)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new EventDecodingException("A queued timer is not valid JSON.", ex);
        }

        if (wire is null || !Enum.TryParse<TimerKind>(wire.Kind, out var kind))
        {
            throw new EventDecodingException($"A queued timer has no known kind ('{wire?.Kind}').");
        }

        return new TimerFired
        {
            Source = EventSource.Internal,
            Date = wire.Date,
            Bot = bot,
            Kind = kind,
            Name = wire.Name ?? "",
            TimerId = wire.TimerId ?? "",
            DueAt = wire.DueAt,
            Payload = wire.Payload,
            TargetDialogId = wire.DialogId,
            Language = wire.Language,
        };
    }

    private sealed record Wire(
        string? Kind, string? Name, string? TimerId, DateTimeOffset DueAt, string? Payload, string? DialogId, string? Language, DateTimeOffset? Date);
}
