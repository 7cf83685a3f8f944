using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>Everything the helpdesk says, in English and German; the turn's language picks one (English otherwise).</summary>
public static class HelpdeskTexts
{
    public static LocalizedText AskSubject { get; } = new(
        ("en", "What is the ticket about? Please write a short subject."),
        ("de", "Worum geht es? Bitte schreiben Sie einen kurzen Betreff."));

    public static LocalizedText AskPriority { get; } = new(("en", "How urgent is it?"), ("de", "Wie dringend ist es?"));

    public static LocalizedText Low { get; } = new(("en", "Low"), ("de", "Niedrig"));

    public static LocalizedText Normal { get; } = new(("en", "Normal"), ("de", "Normal"));

    public static LocalizedText High { get; } = new(("en", "High"), ("de", "Hoch"));

    /// <summary>{0} is the escaped subject, {1} the priority.</summary>
    public static LocalizedText Confirm { get; } = new(
        ("en", "Create this ticket?\nSubject: {0}\nPriority: {1}"),
        ("de", "Soll ich dieses Ticket anlegen?\nBetreff: {0}\nPriorität: {1}"));

    /// <summary>{0} is the number, {1} the escaped subject.</summary>
    public static LocalizedText Created { get; } = new(
        ("en", "Ticket #{0} created: {1}"), ("de", "Ticket #{0} angelegt: {1}"));

    /// <summary>{0} is the escaped subject.</summary>
    public static LocalizedText WaitsForAdministrator { get; } = new(
        ("en", "Your ticket \"{0}\" waits for the portal administrator, who must first allow me to create tasks. I will tell you its number once it is created."),
        ("de", "Ihr Ticket \"{0}\" wartet auf den Portal-Administrator, der mir erst erlauben muss, Aufgaben anzulegen. Sobald es angelegt ist, nenne ich Ihnen die Nummer."));

    /// <summary>{0} is the escaped subject.</summary>
    public static LocalizedText Refused { get; } = new(
        ("en", "The portal administrator did not allow me to create tasks, so your ticket \"{0}\" was not created."),
        ("de", "Der Portal-Administrator hat mir das Anlegen von Aufgaben nicht erlaubt, daher wurde Ihr Ticket \"{0}\" nicht angelegt."));

    /// <summary>{0} is the escaped subject, {1} the portal's error code.</summary>
    public static LocalizedText NotFiled { get; } = new(
        ("en", "I could not create your ticket \"{0}\": the portal refused ({1}). Please tell your administrator."),
        ("de", "Ich konnte Ihr Ticket \"{0}\" nicht anlegen: das Portal hat abgelehnt ({1}). Bitte wenden Sie sich an Ihren Administrator."));

    /// <summary>The task's description; {0} is the priority.</summary>
    public static LocalizedText TaskDescription { get; } = new(
        ("en", "Priority: {0}\nFiled through the helpdesk bot."),
        ("de", "Priorität: {0}\nÜber den Helpdesk-Bot eingereicht."));

    public static LocalizedText Cancelled { get; } = new(
        ("en", "Cancelled. No ticket was created."), ("de", "Abgebrochen. Es wurde kein Ticket angelegt."));

    public static LocalizedText TimedOut { get; } = new(
        ("en", "I dropped the ticket draft because nobody answered. Write /ticket to start again."),
        ("de", "Ich habe den Ticketentwurf verworfen, weil niemand geantwortet hat. Mit /ticket beginnen Sie neu."));

    public static LocalizedText NoValidAnswer { get; } = new(
        ("en", "I could not use those answers, so I dropped the ticket draft. Write /ticket to start again."),
        ("de", "Mit diesen Antworten komme ich nicht weiter, der Ticketentwurf ist verworfen. Mit /ticket beginnen Sie neu."));

    public static LocalizedText Replaced { get; } = new(
        ("en", "I dropped your unfinished ticket draft; let us start a new one."),
        ("de", "Ich habe Ihren unfertigen Ticketentwurf verworfen; fangen wir neu an."));

    public static LocalizedText Reminder { get; } = new(
        ("en", "Are you still there? Your ticket draft waits for an answer to the question above (/cancel drops it)."),
        ("de", "Sind Sie noch da? Ihr Ticketentwurf wartet auf eine Antwort auf die Frage oben (/cancel verwirft ihn)."));

    public static LocalizedText NothingToCancel { get; } = new(
        ("en", "There is nothing to cancel."), ("de", "Es gibt nichts abzubrechen."));

    public static LocalizedText NoTickets { get; } = new(
        ("en", "You have no tickets yet. Write /ticket to open one."),
        ("de", "Sie haben noch keine Tickets. Mit /ticket eröffnen Sie eines."));

    public static LocalizedText TicketsHeader { get; } = new(("en", "[b]Your tickets[/b]"), ("de", "[b]Ihre Tickets[/b]"));

    /// <summary>{0} is the number, {1} the escaped subject, {2} the priority.</summary>
    public static LocalizedText TicketLine { get; } = new(("en", "#{0} {1} ({2})"), ("de", "#{0} {1} ({2})"));

    public static LocalizedText HelpHeader { get; } = new(
        ("en", "[b]Helpdesk[/b] — I take your tickets. Commands:"),
        ("de", "[b]Helpdesk[/b] — ich nehme Ihre Tickets auf. Befehle:"));

    public static LocalizedText Greeting { get; } = new(
        ("en", "Hi! I take helpdesk tickets. Write /ticket to open one, or /help for the commands."),
        ("de", "Hallo! Ich nehme Helpdesk-Tickets auf. Mit /ticket eröffnen Sie eines, /help zeigt die Befehle."));

    /// <summary>The label of a priority, in the lists and the confirmation.</summary>
    public static LocalizedText Label(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => Low,
        TicketPriority.High => High,
        _ => Normal,
    };
}
