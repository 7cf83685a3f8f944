using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Runs a <see cref="TimeoutDialog"/> as its child and says how it ended.</summary>
public sealed class ChildTimingOutDialog(DialogLog log) : LoggedDialog<EmptyState>(log)
{
    protected override void Define(DialogBuilder<EmptyState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(step => step.Begin<TimeoutDialog>())
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"Child ended {step.ChildEnd}", ct);
                return step.Next();
            });
    }
}
