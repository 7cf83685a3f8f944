using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Tasks;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>
/// Files a confirmed ticket as a Bitrix24 task and tells the user its number (the task's id). A portal that wants the
/// administrator to allow tasks.task.add first answers METHOD_CONFIRM_WAITING: the ticket is kept in the dialog state and
/// filed when the administrator's decision arrives (<see cref="MethodConfirmDecided"/>), or the user hears it was refused.
/// </summary>
public static class TicketFiling
{
    private const string PendingKey = "pendingTickets";

    /// <summary>Creates the ticket's task; returns its number, or null when it waits or was refused (the user is told).</summary>
    public static async Task<long?> FileAsync(ITurnContext turn, PendingTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = BbCode.Escape(ticket.Subject);
        try
        {
            var created = await turn.Api.CallAsync(ToRequest(turn, ticket), cancellationToken);
            var filed = await new TicketBook(turn.State).AddAsync(created.Task.Id, ticket.Subject, ticket.Priority, cancellationToken);
            await turn.ReplyAsync(Wording.Format(HelpdeskTexts.Created, turn.Culture, filed.Number, subject), cancellationToken);
            return filed.Number;
        }
        catch (MethodConfirmWaitingException)
        {
            // The host recorded that this dialog waits; the decision comes back as MethodConfirmDecided (ResumeAsync).
            List<PendingTicket> pending = [.. await PendingAsync(turn, cancellationToken), ticket];
            turn.State.Set(PendingKey, pending);
            await turn.ReplyAsync(Wording.Format(HelpdeskTexts.WaitsForAdministrator, turn.Culture, subject), cancellationToken);
        }
        catch (MethodConfirmDeniedException)
        {
            await turn.ReplyAsync(Wording.Format(HelpdeskTexts.Refused, turn.Culture, subject), cancellationToken);
        }
        catch (BitrixApiException ex) when (!ex.IsTransient)
        {
            // The host retried what was worth retrying; a refusal (no task scope, no tasks module) must not leave the user
            // without an answer while the event is retried into a dead letter.
            await turn.ReplyAsync(Wording.Format(HelpdeskTexts.NotFiled, turn.Culture, subject, ex.Error), cancellationToken);
        }

        return null;
    }

    /// <summary>The administrator decided on tasks.task.add: files the waiting tickets, or says they were refused.</summary>
    public static async Task ResumeAsync(MethodConfirmDecided decision, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(turn);
        var pending = await PendingAsync(turn, cancellationToken);
        if (!decision.IsAbout(TasksTaskAddRequest.MethodName) || pending.Count == 0)
        {
            return;
        }

        // Taken out first: a ticket that meets METHOD_CONFIRM_WAITING again (a new access token needs a new permission)
        // is put back by FileAsync.
        turn.State.Remove(PendingKey);
        foreach (var ticket in pending)
        {
            if (decision.Allowed)
            {
                await FileAsync(turn, ticket, cancellationToken);
            }
            else
            {
                await turn.ReplyAsync(Wording.Format(HelpdeskTexts.Refused, turn.Culture, BbCode.Escape(ticket.Subject)), cancellationToken);
            }
        }
    }

    private static TasksTaskAddRequest ToRequest(ITurnContext turn, PendingTicket ticket) => new()
    {
        Fields = new TaskFields
        {
            Title = ticket.Subject,
            Description = Wording.Format(HelpdeskTexts.TaskDescription, turn.Culture, HelpdeskTexts.Label(ticket.Priority)),
            ResponsibleId = ticket.ResponsibleId,
        },
    };

    private static async Task<IReadOnlyList<PendingTicket>> PendingAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await turn.State.GetAsync<List<PendingTicket>>(PendingKey, cancellationToken) ?? [];
}
