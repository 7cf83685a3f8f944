using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Asks for a name; the step after it throws when the name is "boom".</summary>
public sealed class FragileDialog(DialogLog log) : LoggedDialog<PersonState>(log)
{
    public const string Question = "Your name?";
    public const string Trigger = "boom";

    protected override void Define(DialogBuilder<PersonState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Ask(new TextPrompt(Question), (state, name) => state.Name = name)
            .Step(async (step, ct) =>
            {
                if (step.State.Name == Trigger)
                {
                    throw new InvalidOperationException("The step broke on purpose.");
                }

                await step.ReplyAsync($"Hello {step.State.Name}", ct);
                return step.Next();
            });
    }
}
