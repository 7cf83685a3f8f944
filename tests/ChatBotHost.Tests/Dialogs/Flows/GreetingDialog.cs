using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>
/// A child dialog: reads its <see cref="GreetingArgs"/>, asks for a message and ends with a <see cref="GreetingResult"/>,
/// or cancels itself when told "never mind".
/// </summary>
public sealed class GreetingDialog(DialogLog log) : LoggedDialog<GreetingState>(log)
{
    public const string NeverMind = "never mind";

    public static string Question(string name) => $"What should I tell {name}?";

    protected override void Define(DialogBuilder<GreetingState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(step =>
            {
                step.State.Name = step.Args<GreetingArgs>()?.Name ?? "nobody";
                return step.Next();
            })
            .Ask(state => new TextPrompt(Question(state.Name)), (state, message) => state.Message = message)
            .Step(step => step.State.Message == NeverMind
                ? step.Cancel()
                : step.End(new GreetingResult(step.State.Name, step.State.Message)));
    }
}
