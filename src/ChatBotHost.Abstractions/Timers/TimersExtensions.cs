using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Timers;

/// <summary>Shorthands for scheduling.</summary>
public static class TimersExtensions
{
    /// <summary>Sends a plain BB-code text into this dialog after <paramref name="delay"/>; returns the timer id.</summary>
    public static Task<string> ScheduleMessageAsync(this ITimers timers, TimeSpan delay, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        return timers.ScheduleMessageAsync(delay, new MessageFields { Message = text }, cancellationToken);
    }
}
