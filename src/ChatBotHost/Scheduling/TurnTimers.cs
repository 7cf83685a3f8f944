using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Pipeline;
using ChatBotHost.State;

namespace ChatBotHost.Scheduling;

/// <summary>
/// <c>turn.Timers</c>: stores timers for the turn's dialog. Ids derive from the event and the call's position in the
/// turn, so an event that is delivered again (after a crash before it was marked handled) re-schedules the same timers
/// instead of adding copies.
/// </summary>
internal sealed class TurnTimers(TurnContext turn, ITimerStore store, TimeProvider time) : ITimers
{
    private int _scheduled;

    public Task<string> ScheduleMessageAsync(TimeSpan delay, MessageFields message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ScheduleAsync(TimerKind.Message, "message", delay, ScheduledMessage.ToPayload(message), cancellationToken);
    }

    public Task<string> ScheduleAsync(string name, TimeSpan delay, object? payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var json = payload is null ? null : JsonSerializer.Serialize(payload, payload.GetType(), DialogJson.Options);
        return ScheduleAsync(TimerKind.Callback, name, delay, json, cancellationToken);
    }

    public Task<bool> CancelAsync(string timerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timerId);
        return store.CancelAsync(turn.HostedBot.Portal.Key, turn.BotCode, timerId, cancellationToken);
    }

    private async Task<string> ScheduleAsync(TimerKind kind, string name, TimeSpan delay, string? payload, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var dialogId = turn.DialogId
            ?? throw new InvalidOperationException($"{turn.Event.Type} belongs to no dialog; a timer needs one to fire into.");
        var id = $"{kind.ToString().ToLowerInvariant()}:{EventHash()}:{(++_scheduled).ToString(CultureInfo.InvariantCulture)}";
        await store.ScheduleAsync(
            new TimerEntry
            {
                Portal = turn.HostedBot.Portal.Key,
                BotCode = turn.BotCode,
                Id = id,
                DialogId = dialogId,
                DueAt = time.GetUtcNow() + delay,
                Kind = kind.ToString(),
                Name = name,
                Payload = payload,
                Language = turn.Language,
            },
            cancellationToken);
        return id;
    }

    private string EventHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{turn.DialogId}\n{turn.Event.DeduplicationKey}")).AsSpan(0, 8));
}
