using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>Asks for a ticket's subject and priority, shows a summary to confirm, and files the ticket as a Bitrix24 task on yes.</summary>
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
            _ => null, // Completed: FileAsync already told the ticket's number, or that it waits or was refused.
        };
        return text is null ? Task.CompletedTask : ending.ReplyAsync(text.In(ending.Turn.Culture), cancellationToken);
    }

    // The ticket becomes a Bitrix24 task; its id is the ticket's number. When the task must wait for the administrator,
    // the dialog still ends: the ticket waits in the conversation's state, not in a question, so the user can go on.
    private async Task<DialogTurn> FileAsync(DialogStep<TicketDraft> step, CancellationToken cancellationToken)
    {
        if (!step.State.Confirmed)
        {
            return step.Cancel();
        }

        var filedBy = (step.Turn.Event as ChatEvent)?.User.Id;
        var ticket = new PendingTicket(step.State.Subject, step.State.Priority, _settings.ResponsibleFor(filedBy));
        return step.End(await TicketFiling.FileAsync(step.Turn, ticket, cancellationToken));
    }

    private static async Task<DialogTurn> RemindAsync(DialogStep<TicketDraft> step, CancellationToken cancellationToken)
    {
        await step.ReplyAsync(HelpdeskTexts.Reminder.In(step.Turn.Culture), cancellationToken);
        return step.Wait();
    }
}
