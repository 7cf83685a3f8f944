namespace ChatBotHost.Bots.Helpdesk;

/// <summary>A created ticket; the subject is kept as the user typed it and escaped only when shown.</summary>
public sealed record Ticket(int Number, string Subject, TicketPriority Priority);
