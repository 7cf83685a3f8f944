using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Tries to start the next dialog from its OnEndAsync through turn.Dialogs.</summary>
public sealed class ChainingDialog(DialogLog log) : LoggedDialog<EmptyState>(log)
{
    protected override void Define(DialogBuilder<EmptyState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog.Step(step => step.End());
    }

    protected override async Task OnEndAsync(DialogEnding<EmptyState> ending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ending);
        await base.OnEndAsync(ending, cancellationToken);
        if (ending.Reason == DialogEndReason.Completed)
        {
            await ending.Turn.Dialogs.BeginAsync<ConfirmDialog>(cancellationToken);
        }
    }
}
