namespace ChatBotHost.Bots.Helpdesk;

/// <summary>The helpdesk's own settings, bound from ChatBotHost:Bots:helpdesk (e.g. ReminderAfter = "00:10:00").</summary>
public sealed class HelpdeskSettings
{
    /// <summary>How long an unanswered question waits before the bot sends one reminder.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unanswered question waits before the draft is dropped.</summary>
    public TimeSpan CancelAfter { get; set; } = TimeSpan.FromMinutes(30);
}
