namespace ChatBotHost.Bots.Helpdesk;

/// <summary>How urgent a ticket is.</summary>
public enum TicketPriority
{
    // Explicit values because tickets are stored as JSON numbers: reordering the members must not change old tickets.

    /// <summary>Can wait.</summary>
    Low = 1,

    /// <summary>The usual.</summary>
    Normal = 2,

    /// <summary>Blocks someone's work.</summary>
    High = 3,
}
