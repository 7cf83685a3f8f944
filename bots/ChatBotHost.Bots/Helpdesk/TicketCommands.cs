using System.Text;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>/ticket and /tickets.</summary>
public static class TicketCommands
{
    /// <summary>Starts a new ticket; a draft in progress is dropped (its dialog ends as Replaced and says so).</summary>
    public static Task OpenAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Dialogs.BeginAsync<NewTicketDialog>(cancellationToken);
    }

    /// <summary>Lists the conversation's tickets; a waiting question is asked again after the list.</summary>
    public static async Task ListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tickets = await new TicketBook(turn.State).ListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            await turn.ReplyAsync(HelpdeskTexts.NoTickets.In(turn.Culture), cancellationToken);
        }
        else
        {
            var text = new StringBuilder(HelpdeskTexts.TicketsHeader.In(turn.Culture));
            foreach (var ticket in tickets)
            {
                text.Append('\n').Append(Wording.Format(
                    HelpdeskTexts.TicketLine, turn.Culture, ticket.Number, BbCode.Escape(ticket.Subject), HelpdeskTexts.Label(ticket.Priority)));
            }

            await turn.ReplyAsync(text.ToString(), cancellationToken);
        }

        // The list pushed the question out of sight; without it the user would not know the draft still waits.
        await turn.Dialogs.RepromptAsync(cancellationToken);
    }
}
