using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bots.Reminder;

/// <summary>/remind DELAY TEXT: schedules TEXT to be sent back into this chat after DELAY.</summary>
public static class RemindCommand
{
    /// <summary>Told for anything that is not "DELAY TEXT".</summary>
    public const string Usage =
        "Usage: /remind DELAY TEXT, for example /remind 10m Stretch your legs. "
        + "DELAY is a number with s, m, h or d (seconds, minutes, hours, days), also combined like 1h30m.";

    /// <summary>Schedules the reminder, or says why not.</summary>
    public static async Task HandleAsync(CommandInvoked command, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(turn);
        var parts = command.Params.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !ReminderDelay.TryParse(parts[0], out var delay) || delay < TimeSpan.FromSeconds(1))
        {
            await turn.ReplyAsync(Usage, cancellationToken);
            return;
        }

        if (delay > ReminderDelay.Max)
        {
            var max = ReminderDelay.Describe(ReminderDelay.Max);
            await turn.ReplyAsync($"That is too far ahead: I can remind you at most {max} from now.", cancellationToken);
            return;
        }

        // The timer lives in the host's store, so the reminder survives restarts and fires once across replicas.
        await turn.Timers.ScheduleMessageAsync(delay, "⏰ " + BbCode.Escape(parts[1].Trim()), cancellationToken);
        await turn.ReplyAsync($"I will remind you in {ReminderDelay.Describe(delay)}.", cancellationToken);
    }
}
