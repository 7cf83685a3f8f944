using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Misuses turn.Dialogs from inside a step, where step.Begin is meant.</summary>
public sealed class ReentrantDialog(DialogLog log) : LoggedDialog<EmptyState>(log)
{
    protected override void Define(DialogBuilder<EmptyState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog.Step(async (step, ct) =>
        {
            await step.Turn.Dialogs.BeginAsync<ConfirmDialog>(ct);
            return step.Next();
        });
    }
}
