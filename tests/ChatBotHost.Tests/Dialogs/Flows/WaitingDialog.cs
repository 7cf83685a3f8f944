using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>A step that waits without a question; the next step echoes what the user wrote.</summary>
public sealed class WaitingDialog(DialogLog log) : LoggedDialog<EmptyState>(log)
{
    public const string Invitation = "Tell me anything.";

    protected override void Define(DialogBuilder<EmptyState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync(Invitation, ct);
                return step.Wait();
            })
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"You said: {step.Input?.Text ?? "(no input)"}", ct);
                return step.Next();
            });
    }
}
