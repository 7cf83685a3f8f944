using System.Globalization;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Asks for a date and time in the time zone named by its argument (UTC by default) and echoes it, ISO style.</summary>
public sealed class DateDialog(DialogLog log) : LoggedDialog<DateState>(log)
{
    public static LocalizedText Question { get; } = new(("en", "When?"), ("de", "Wann?"));

    /// <summary>The reply for an answer: local time with offset, and the instant in UTC.</summary>
    public static string Echo(DateTimeOffset when) =>
        string.Create(CultureInfo.InvariantCulture, $"At {when:yyyy-MM-dd HH:mm zzz} = {when.UtcDateTime:yyyy-MM-dd HH:mm}Z");

    protected override void Define(DialogBuilder<DateState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(step =>
            {
                step.State.Zone = step.Args<string>() ?? "UTC";
                return step.Next();
            })
            .Ask(
                state => new DateTimePrompt(Question) { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(state.Zone) },
                (state, when) => state.When = when)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync(Echo(step.State.When), ct);
                return step.Next();
            });
    }
}
