using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Hands over to a <see cref="GreetingDialog"/> for Bob in its place.</summary>
public sealed class ReplacingDialog(DialogLog log) : LoggedDialog<EmptyState>(log)
{
    public const string HandingOver = "Handing over.";

    protected override void Define(DialogBuilder<EmptyState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog.Step(async (step, ct) =>
        {
            await step.ReplyAsync(HandingOver, ct);
            return step.Replace<GreetingDialog>(new GreetingArgs("Bob"));
        });
    }
}
