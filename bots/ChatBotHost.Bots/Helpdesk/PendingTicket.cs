namespace ChatBotHost.Bots.Helpdesk;

/// <summary>
/// A confirmed ticket whose task waits for the portal administrator to allow tasks.task.add; kept in the dialog state
/// until the decision arrives. The responsible user is fixed when the user confirmed, as the decision's turn has no user.
/// </summary>
public sealed record PendingTicket(string Subject, TicketPriority Priority, int? ResponsibleId);
