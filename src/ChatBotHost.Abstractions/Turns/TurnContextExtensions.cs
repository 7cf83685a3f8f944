using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>Shorthands for plain-text answers.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain BB-code text into this dialog and returns the message id.</summary>
    public static Task<int> ReplyAsync(this ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.ReplyAsync(new MessageFields { Message = text }, cancellationToken);

    /// <summary>Answers the command being handled with a plain text.</summary>
    public static Task AnswerCommandAsync(this ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.AnswerCommandAsync(new MessageFields { Message = text }, cancellationToken);
}
