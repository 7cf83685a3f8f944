using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>
/// Starts a child chosen by its arguments ("replacing", "number", otherwise a <see cref="GreetingDialog"/> for Ada)
/// and, when the child ends, says how and with what result.
/// </summary>
public sealed class ParentDialog(DialogLog log) : LoggedDialog<ParentState>(log)
{
    public const string Replacing = "replacing";
    public const string Number = "number";

    public static string Resumed(DialogEndReason reason, string result) => $"Parent resumed: {reason}, {result}";

    protected override void Define(DialogBuilder<ParentState> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        dialog
            .Step(step => step.Args<string>() switch
            {
                Replacing => step.Begin<ReplacingDialog>(),
                Number => step.Begin<NumberDialog>(),
                _ => step.Begin<GreetingDialog>(new GreetingArgs("Ada")),
            })
            .Step(async (step, ct) =>
            {
                var result = step.Result<GreetingResult>();
                var told = result is null ? "no result" : $"{result.Name} hears \"{result.Message}\"";
                await step.ReplyAsync(Resumed(step.ChildEnd ?? throw new InvalidOperationException("No child ended."), told), ct);
                return step.End();
            });
    }
}
