using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A bot for the message-action tests: each word it is sent makes it edit, delete, react, quote or forward.</summary>
public sealed class MessageActionsProbeBot : IBot
{
    public const string Code = "actionsprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "Actions probe").OnMessage(ActAsync);
    }

    private static async Task ActAsync(MessageAdded message, ITurnContext turn, CancellationToken ct)
    {
        var said = message.Message;
        switch (said.Text)
        {
            case "edit":
                var draft = await turn.ReplyAsync("draft", ct);
                await turn.UpdateMessageAsync(draft, "final", ct);
                break;
            case "delete":
                var temporary = await turn.ReplyAsync("temporary", ct);
                await turn.DeleteMessageAsync(temporary, ct);
                await turn.ReplyAsync("deleted", ct);
                break;
            case "react":
                await turn.ReactAsync(said.Id, "like", ct);
                await turn.ReactAsync(said.Id, "like", ct); // set already: not an error
                await turn.ReactAsync(said.Id, "fire", ct);
                await turn.RemoveReactionAsync(said.Id, "fire", ct);
                await turn.ReplyAsync("reacted", ct);
                break;
            case "quote":
                await turn.ReplyToAsync(said.Id, "quoted", ct);
                break;
            default:
                var copies = await turn.ForwardAsync([said.Id], ct, comment: "forwarded");
                await turn.ReplyAsync($"copy {copies[0]}", ct);
                break;
        }
    }
}
