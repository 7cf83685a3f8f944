using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Two questions; reminds after 5 idle minutes and gives up after 30.</summary>
public sealed class IdleDialog(DialogLog log) : LoggedDialog<PersonState>(log)
{
    public const string AskName = "Your name?";
    public const string AskCity = "Your city?";
    public const string Reminder = "Are you still there?";

    public static TimeSpan RemindAfter { get; } = TimeSpan.FromMinutes(5);

    public static TimeSpan GiveUpAfter { get; } = TimeSpan.FromMinutes(30);

    protected override void Define(DialogBuilder<PersonState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Ask(new TextPrompt(AskName), (state, name) => state.Name = name)
            .Ask(new TextPrompt(AskCity), (state, city) => state.City = city)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"{step.State.Name} from {step.State.City}", ct);
                return step.Next();
            })
            .AfterInactivity(RemindAfter, async (step, ct) =>
            {
                await step.ReplyAsync(Reminder, ct);
                return step.Wait();
            })
            .AfterInactivity(GiveUpAfter, (step, _) => Task.FromResult(step.Cancel()));
    }
}
