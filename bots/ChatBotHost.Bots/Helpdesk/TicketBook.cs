using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>
/// The tickets of one conversation, kept in its dialog state (<c>turn.State</c>). The host has no bot-wide store, so
/// tickets and their numbers (#1, #2, …) belong to the conversation: in a private chat with the bot that is the user's
/// own list; in a group chat the members share one. A real helpdesk would call its ticket system here instead.
/// </summary>
public sealed class TicketBook(IDialogState state)
{
    // Dialog state is loaded and saved whole on every turn, so the list is capped; the oldest tickets drop off.
    private const int Kept = 50;
    private const string TicketsKey = "tickets";
    private const string LastNumberKey = "lastTicketNumber";

    /// <summary>The kept tickets, oldest first.</summary>
    public async Task<IReadOnlyList<Ticket>> ListAsync(CancellationToken cancellationToken) =>
        await state.GetAsync<List<Ticket>>(TicketsKey, cancellationToken) ?? [];

    /// <summary>Adds a ticket with the next number; it is saved when the turn ends.</summary>
    public async Task<Ticket> AddAsync(string subject, TicketPriority priority, CancellationToken cancellationToken)
    {
        // A counter of its own, not the list's length: numbers must stay unique after old tickets drop off.
        var number = await state.GetAsync<int>(LastNumberKey, cancellationToken) + 1;
        var ticket = new Ticket(number, subject, priority);
        List<Ticket> tickets = [.. await ListAsync(cancellationToken), ticket];
        state.Set(TicketsKey, tickets.Count > Kept ? tickets[^Kept..] : tickets);
        state.Set(LastNumberKey, number);
        return ticket;
    }
}
