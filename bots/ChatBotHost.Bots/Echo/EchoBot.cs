using System.Text;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bots.Echo;

/// <summary>Repeats every message back; /help lists the commands through Command.answer.</summary>
public sealed class EchoBot : IBot
{
    public void Configure(BotBuilder bot) => bot
        .Profile("echo", "Echo", p => p with { WorkPosition = "Repeats what you say", Color = "mint" })
        .Command("help", "List the commands", HelpAsync)
        .OnMessage(EchoAsync)
        .On<BotJoinedChat>((_, turn, ct) => turn.ReplyAsync("Hi! I repeat what you write. Try /help.", ct));

    // A message near the 20,000-character limit comes back longer than one message holds: ReplyAsync sends it as
    // several, in order, cut where no BB-code breaks.
    private static Task EchoAsync(MessageAdded message, ITurnContext turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync($"You said: {message.Message.Text}", cancellationToken);

    private static Task HelpAsync(CommandInvoked command, ITurnContext turn, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("[b]Commands[/b]");
        foreach (var declared in turn.Definition.Commands)
        {
            text.Append("[br]/").Append(declared.Name).Append(" — ").Append(declared.Title.GetValueOrDefault("en", ""));
        }

        return turn.AnswerCommandAsync(text.ToString(), cancellationToken);
    }
}
