using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>
/// Takes helpdesk tickets through a dialog (subject, priority, confirmation) and lists them. Shows dialogs with prompts
/// and buttons, interruptions (/cancel, /help while a question waits), inactivity reminders and per-language texts;
/// each ticket becomes a Bitrix24 task, also on portals where the administrator must allow that first.
/// </summary>
public sealed class HelpdeskBot : IBot
{
    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile("helpdesk", "Helpdesk", p => p with { WorkPosition = "Takes your tickets", Color = "darkBlue" })
            .Command(Declare("ticket", "Open a ticket", "Ticket eröffnen"), (_, turn, ct) => TicketCommands.OpenAsync(turn, ct))
            .Command(
                Declare("tickets", "List your tickets", "Ihre Tickets anzeigen"),
                (_, turn, ct) => TicketCommands.ListAsync(turn, ct))
            .Command(
                Declare("cancel", "Drop the ticket draft", "Ticketentwurf verwerfen"),
                (_, turn, ct) => ConversationCommands.CancelAsync(turn, ct))
            .Command(Declare("help", "Show the commands", "Befehle anzeigen"), (_, turn, ct) => ConversationCommands.HelpAsync(turn, ct))
            .Settings<HelpdeskSettings>()
            .Dialog<NewTicketDialog>()
            // While a draft waits its dialog takes the messages; these routes see only messages outside a dialog.
            .OnMessage((_, turn, ct) => ConversationCommands.GreetAsync(turn, ct))
            .On<BotJoinedChat>((_, turn, ct) => ConversationCommands.GreetAsync(turn, ct))
            // The administrator decided on tasks.task.add after a ticket met METHOD_CONFIRM_WAITING (OAuth mode).
            .On<MethodConfirmDecided>((decision, turn, ct) => TicketFiling.ResumeAsync(decision, turn, ct));
    }

    private static CommandDeclaration Declare(string name, string english, string german) => new()
    {
        Name = name,
        Title = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = english, ["de"] = german },
    };
}
