using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Prompts;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>Asks for a ticket's subject and priority, shows a summary to confirm, and files the ticket on yes.</summary>
public sealed class NewTicketDialog(BotConfiguration configuration) : Dialog<TicketDraft>
{
    private const int MaxSubjectLength = 200;

    private static readonly Choice<TicketPriority>[] Priorities =
    [
        new(TicketPriority.Low, HelpdeskTexts.Low),
        new(TicketPriority.Normal, HelpdeskTexts.Normal),
        new(TicketPriority.High, HelpdeskTexts.High),
    ];

    private readonly HelpdeskSettings _settings = configuration.Get<HelpdeskSettings>();

    protected override void Define(DialogBuilder<TicketDraft> dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);

        // The text field stays on while the buttons wait, so /cancel and /help can still be typed (a label or 1–3 works too).
        dialog
            .Ask(new TextPrompt(HelpdeskTexts.AskSubject) { MaxLength = MaxSubjectLength }, (draft, subject) => draft.Subject = subject)
            .Ask(new ChoicePrompt<TicketPriority>(HelpdeskTexts.AskPriority, Priorities), (draft, priority) => draft.Priority = priority)
            .Ask(
                draft => new ConfirmPrompt(Wording.ForEveryLanguage(
                    HelpdeskTexts.Confirm, BbCode.Escape(draft.Subject), HelpdeskTexts.Label(draft.Priority))),
                (draft, yes) => draft.Confirmed = yes)
            .Step(FileAsync);

        // A reminder due after the draft is dropped would never be seen, so a misconfigured one is left out.
        if (_settings.ReminderAfter < _settings.CancelAfter)
        {
            dialog.AfterInactivity(_settings.ReminderAfter, RemindAsync);
        }

        dialog.AfterInactivity(_settings.CancelAfter, (step, _) => Task.FromResult(step.Cancel()));
    }

    // Every way out but a filed ticket is worded here, so /cancel, "No", time-outs and /ticket restarts read alike.
    protected override Task OnEndAsync(DialogEnding<TicketDraft> ending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ending);
        var text = ending.Reason switch
        {
            DialogEndReason.Cancelled => HelpdeskTexts.Cancelled,
            DialogEndReason.TimedOut => HelpdeskTexts.TimedOut,
            DialogEndReason.NoValidAnswer => HelpdeskTexts.NoValidAnswer,
            DialogEndReason.Replaced => HelpdeskTexts.Replaced,
            _ => null, // Completed: FileAsync already told the ticket's number.
        };
        return text is null ? Task.CompletedTask : ending.ReplyAsync(text.In(ending.Turn.Culture), cancellationToken);
    }

    private static async Task<DialogTurn> FileAsync(DialogStep<TicketDraft> step, CancellationToken cancellationToken)
    {
        if (!step.State.Confirmed)
        {
            return step.Cancel();
        }

        var ticket = await new TicketBook(step.Turn.State).AddAsync(step.State.Subject, step.State.Priority, cancellationToken);
        await step.ReplyAsync(
            Wording.Format(HelpdeskTexts.Created, step.Turn.Culture, ticket.Number, BbCode.Escape(ticket.Subject)),
            cancellationToken);
        return step.End(ticket.Number);
    }

    private static async Task<DialogTurn> RemindAsync(DialogStep<TicketDraft> step, CancellationToken cancellationToken)
    {
        await step.ReplyAsync(HelpdeskTexts.Reminder.In(step.Turn.Culture), cancellationToken);
        return step.Wait();
    }
}
