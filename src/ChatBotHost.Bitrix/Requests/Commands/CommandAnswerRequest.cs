using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>imbot.v2.Command.answer: replies to a command call, also where the bot is not a member.</summary>
public sealed record CommandAnswerRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Command.answer";

    /// <summary>The command that was called.</summary>
    public required int CommandId { get; init; }

    /// <summary>The message that carried the command.</summary>
    public required int MessageId { get; init; }

    /// <summary>Where the command was called.</summary>
    public required string DialogId { get; init; }

    /// <summary>The answer's text, attach, keyboard and flags.</summary>
    public required MessageFields Fields { get; init; }
}
