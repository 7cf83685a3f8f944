using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>
/// The tickets this conversation filed, kept in its dialog state (<c>turn.State</c>) for /tickets. Each ticket is a
/// Bitrix24 task (tasks.task.add) and its number is the task's id; the list belongs to the conversation: in a private
/// chat with the bot that is the user's own list; in a group chat the members share one.
/// </summary>
public sealed class TicketBook(IDialogState state)
{
    // Dialog state is loaded and saved whole on every turn, so the list is capped; the oldest tickets drop off.
    private const int Kept = 50;
    private const string TicketsKey = "tickets";

    /// <summary>The kept tickets, oldest first.</summary>
    public async Task<IReadOnlyList<Ticket>> ListAsync(CancellationToken cancellationToken) =>
        await state.GetAsync<List<Ticket>>(TicketsKey, cancellationToken) ?? [];

    /// <summary>Adds a filed ticket under its task's id; it is saved when the turn ends.</summary>
    public async Task<Ticket> AddAsync(long number, string subject, TicketPriority priority, CancellationToken cancellationToken)
    {
        var ticket = new Ticket(number, subject, priority);
        List<Ticket> tickets = [.. await ListAsync(cancellationToken), ticket];
        state.Set(TicketsKey, tickets.Count > Kept ? tickets[^Kept..] : tickets);
        return ticket;
    }
}
