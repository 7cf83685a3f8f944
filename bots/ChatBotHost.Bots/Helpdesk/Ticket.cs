namespace ChatBotHost.Bots.Helpdesk;

/// <summary>A created ticket; its number is the Bitrix24 task's id; the subject is kept as typed and escaped only when shown.</summary>
public sealed record Ticket(long Number, string Subject, TicketPriority Priority);
