using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>Asks for a name with a one-minute timeout and three attempts.</summary>
public sealed class TimeoutDialog(DialogLog log) : LoggedDialog<PersonState>(log)
{
    public const string Question = "Your name?";

    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(1);

    protected override void Define(DialogBuilder<PersonState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Ask(new TextPrompt(Question) { Timeout = Timeout, MaxAttempts = 3 }, (state, name) => state.Name = name)
            .Step(async (step, ct) =>
            {
                await step.ReplyAsync($"Hello {step.State.Name}", ct);
                return step.Next();
            });
    }
}
