namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.Reaction.add: the bot reacts to a message.</summary>
public sealed record ChatMessageReactionAddRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.Reaction.add";

    /// <summary>The message.</summary>
    public required int MessageId { get; init; }

    /// <summary>A reaction code such as like or fire (spec §4.3; the list may change).</summary>
    public required string Reaction { get; init; }
}
