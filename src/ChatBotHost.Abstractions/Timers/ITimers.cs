using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Timers;

/// <summary>
/// Schedules work for later in the conversation a turn belongs to; reached as <c>turn.Timers</c>. Timers are stored
/// with the host's state, so they survive restarts and fire once when several replicas run.
/// </summary>
public interface ITimers
{
    /// <summary>Sends <paramref name="message"/> into this dialog after <paramref name="delay"/>; returns the timer id.</summary>
    Task<string> ScheduleMessageAsync(TimeSpan delay, MessageFields message, CancellationToken cancellationToken);

    /// <summary>
    /// Raises a <see cref="TimerFired"/> named <paramref name="name"/> in this dialog after <paramref name="delay"/>,
    /// handled by the bot's <c>OnTimer(name, …)</c> route; returns the timer id.
    /// </summary>
    Task<string> ScheduleAsync(string name, TimeSpan delay, object? payload, CancellationToken cancellationToken);

    /// <summary>Cancels a timer that has not fired; false when there is none with that id.</summary>
    Task<bool> CancelAsync(string timerId, CancellationToken cancellationToken);
}
