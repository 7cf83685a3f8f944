using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>A step that waits without a question, followed by a button-only question.</summary>
public sealed class WaitThenAskDialog(DialogLog log) : LoggedDialog<ConfirmState>(log)
{
    public const string Invitation = "Send me your notes.";
    public const string Question = "Is that all?";

    protected override void Define(DialogBuilder<ConfirmState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync(Invitation, ct);
                return step.Wait();
            })
            .Ask(
                new ChoicePrompt<bool>(Question, [new Choice<bool>(true, "Yes"), new Choice<bool>(false, "No")]) { DisableTextField = true },
                (state, yes) => state.Confirmed = yes)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"All: {step.State.Confirmed}", ct);
                return step.Next();
            });
    }
}
