namespace ChatBotHost.Bots.Helpdesk;

/// <summary>The answers of <see cref="NewTicketDialog"/> so far; saved with the dialog as JSON after every turn.</summary>
public sealed class TicketDraft
{
    /// <summary>The subject as typed (trimmed, at most 200 characters).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The chosen priority.</summary>
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    /// <summary>True when the user said yes to the summary.</summary>
    public bool Confirmed { get; set; }
}
