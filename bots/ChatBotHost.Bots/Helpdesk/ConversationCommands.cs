using System.Text;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>/cancel and /help: interruptions that work whether or not a ticket draft is waiting.</summary>
public static class ConversationCommands
{
    /// <summary>Drops the running draft (its dialog says so when it ends), or says there is none.</summary>
    public static async Task CancelAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!await turn.Dialogs.CancelAllAsync(cancellationToken))
        {
            await turn.ReplyAsync(HelpdeskTexts.NothingToCancel.In(turn.Culture), cancellationToken);
        }
    }

    /// <summary>Lists the commands in the user's language, then asks the waiting question again, if any.</summary>
    public static async Task HelpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Culture.TwoLetterISOLanguageName;
        var text = new StringBuilder(HelpdeskTexts.HelpHeader.In(turn.Culture));

        // Read from the declaration, so the help cannot drift from what is registered on the portal.
        foreach (var declared in turn.Definition.Commands.Where(c => !c.Hidden))
        {
            var title = declared.Title.GetValueOrDefault(language) ?? declared.Title.GetValueOrDefault("en", "");
            text.Append("\n/").Append(declared.Name).Append(" — ").Append(title);
        }

        await turn.ReplyAsync(text.ToString(), cancellationToken);
        await turn.Dialogs.RepromptAsync(cancellationToken);
    }

    /// <summary>Answers a message no dialog was waiting for by pointing at the commands.</summary>
    public static Task GreetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(HelpdeskTexts.Greeting.In(turn.Culture), cancellationToken);
    }
}
