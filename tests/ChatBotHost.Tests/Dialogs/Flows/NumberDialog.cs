using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Asks for an even number from 1 to 10, four attempts, then says what it got.</summary>
public sealed class NumberDialog(DialogLog log) : LoggedDialog<NumberState>(log)
{
    public const int Attempts = 4;

    public static LocalizedText Question { get; } = new(("en", "How many?"), ("de", "Wie viele?"));

    public static LocalizedText NotEven { get; } = new(("en", "Please pick an even number."), ("de", "Bitte eine gerade Zahl."));

    protected override void Define(DialogBuilder<NumberState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Ask(
                new NumberPrompt(Question) { Min = 1, Max = 10, MaxAttempts = Attempts }.Validate(n => n % 2 == 0, NotEven),
                (state, count) => state.Count = count)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"Got {step.State.Count}", ct);
                return step.Next();
            });
    }
}
