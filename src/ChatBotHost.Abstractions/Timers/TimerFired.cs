using System.Globalization;
using System.Text.Json;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Timers;

/// <summary>
/// A timer came due. The host raises it as an event, so it runs through the same pipeline as a message: the same
/// middleware, dialog lock, state and error handling, and it is handled once even when several replicas see it.
/// </summary>
public sealed record TimerFired : BotEvent
{
    /// <summary>The event type name, which never comes from Bitrix24.</summary>
    public const string WireType = "CBH_TIMER";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>What set the timer.</summary>
    public TimerKind Kind { get; init; }

    /// <summary>The callback or cron job name (dialog timers: the dialog's id).</summary>
    public string Name { get; init; } = "";

    /// <summary>The timer's id, unique per bot.</summary>
    public string TimerId { get; init; } = "";

    /// <summary>When the timer was due (cron: the scheduled fire time).</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The payload given when the timer was scheduled, as JSON.</summary>
    public string? Payload { get; init; }

    /// <summary>The dialog the timer belongs to, or null (cron jobs).</summary>
    public string? TargetDialogId { get; init; }

    /// <inheritdoc />
    public override string? DialogId => TargetDialogId;

    /// <summary>The payload read as <typeparamref name="T"/>, or default when there is none.</summary>
    public T? PayloadAs<T>() => Payload is null ? default : JsonSerializer.Deserialize<T>(Payload, DialogJson.Options);

    /// <inheritdoc />
    protected override string NaturalKey =>
        $"{Kind}:{TimerId}:{DueAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
}
