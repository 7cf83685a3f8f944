using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>
/// Asks for a colour with three buttons; started with the argument true, the question turns the text field off. Then
/// asks a text question, which needs the text field on again.
/// </summary>
public sealed class ColourDialog(DialogLog log) : LoggedDialog<ColourState>(log)
{
    public const string Question = "Which colour?";
    public const string AskComment = "Any comment?";

    private static readonly Choice<string>[] Colours = [new("red", "Red"), new("green", "Green"), new("blue", "Blue")];

    protected override void Define(DialogBuilder<ColourState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(step =>
            {
                // Kept in the state: the prompt is built again in later turns, from the state alone.
                step.State.ButtonsOnly = step.Args<bool>();
                return step.Next();
            })
            .Ask(
                state => new ChoicePrompt<string>(Question, Colours) { DisableTextField = state.ButtonsOnly },
                (state, colour) => state.Colour = colour)
            .Ask(new TextPrompt(AskComment), (state, comment) => state.Comment = comment)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"Picked {step.State.Colour}: {step.State.Comment}", ct);
                return step.Next();
            });
    }
}
