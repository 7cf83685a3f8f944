namespace ChatBotHost.Bots.Helpdesk;

/// <summary>The helpdesk's own settings, bound from ChatBotHost:Bots:helpdesk (e.g. ReminderAfter = "00:10:00").</summary>
public sealed class HelpdeskSettings
{
    /// <summary>How long an unanswered question waits before the bot sends one reminder.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unanswered question waits before the draft is dropped.</summary>
    public TimeSpan CancelAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The portal user each ticket's task is assigned to (fields.RESPONSIBLE_ID), e.g. the support lead; when not set,
    /// the user who filed the ticket.
    /// </summary>
    public int? ResponsibleId { get; set; }

    /// <summary>Who the task of a ticket filed by <paramref name="filedBy"/> is assigned to.</summary>
    /// <exception cref="InvalidOperationException">ResponsibleId is set but is no user id.</exception>
    public int? ResponsibleFor(int? filedBy) => ResponsibleId switch
    {
        null => filedBy is > 0 ? filedBy : null,
        > 0 and var id => id,
        _ => throw new InvalidOperationException(
            $"ChatBotHost:Bots:helpdesk:ResponsibleId must be a portal user's id (1 or more), not {ResponsibleId}."),
    };
}
