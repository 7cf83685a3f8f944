namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.send: posts a message as the bot.</summary>
public sealed record ChatMessageSendRequest : BotRequest<ChatMessageSendResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.send";

    /// <summary>Where to post: the event's dialogId.</summary>
    public required string DialogId { get; init; }

    /// <summary>Text, attach, keyboard and flags; text or attach is required.</summary>
    public required MessageFields Fields { get; init; }
}
