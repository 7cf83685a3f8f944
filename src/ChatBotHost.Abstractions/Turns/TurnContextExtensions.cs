using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>Shorthands for common answers: plain text, text with buttons, text with an attach.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain BB-code text into this dialog and returns the message id.</summary>
    public static Task<int> ReplyAsync(this ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.ReplyAsync(new MessageFields { Message = text }, cancellationToken);

    /// <summary>Sends a BB-code text with buttons under it (BOT_ID filled from the turn) and returns the message id.</summary>
    public static Task<int> ReplyAsync(this ITurnContext turn, string text, Keyboard keyboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(keyboard);
        return turn.ReplyAsync(new MessageFields { Message = text, Keyboard = keyboard.ToJson(turn.BotId) }, cancellationToken);
    }

    /// <summary>Sends a BB-code text (may be empty) with a rich attach under it and returns the message id.</summary>
    public static Task<int> ReplyAsync(this ITurnContext turn, string text, Attach attach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(attach);
        return turn.ReplyAsync(
            new MessageFields { Message = string.IsNullOrEmpty(text) ? null : text, Attach = attach.ToJson() }, cancellationToken);
    }

    /// <summary>Answers the command being handled with a plain text.</summary>
    public static Task AnswerCommandAsync(this ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.AnswerCommandAsync(new MessageFields { Message = text }, cancellationToken);
}
