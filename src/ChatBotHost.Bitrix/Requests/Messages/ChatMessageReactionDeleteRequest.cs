namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.Reaction.delete: takes the bot's reaction back.</summary>
public sealed record ChatMessageReactionDeleteRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.Reaction.delete";

    /// <summary>The message.</summary>
    public required int MessageId { get; init; }

    /// <summary>A reaction code such as like or fire (spec §4.3; the list may change).</summary>
    public required string Reaction { get; init; }
}
