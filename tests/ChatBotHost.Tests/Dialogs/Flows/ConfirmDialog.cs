using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Asks a yes/no question in English or German and says the answer.</summary>
public sealed class ConfirmDialog(DialogLog log) : LoggedDialog<ConfirmState>(log)
{
    public static LocalizedText Question { get; } = new(("en", "Proceed?"), ("de", "Fortfahren?"));

    protected override void Define(DialogBuilder<ConfirmState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Ask(new ConfirmPrompt(Question), (state, yes) => state.Confirmed = yes)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"Confirmed: {step.State.Confirmed}", ct);
                return step.Next();
            });
    }
}
