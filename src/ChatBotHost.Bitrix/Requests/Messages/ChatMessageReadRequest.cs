namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.read: marks messages read for the bot.</summary>
public sealed record ChatMessageReadRequest : BotRequest<ChatMessageReadResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.read";

    /// <summary>The chat to mark.</summary>
    public required string DialogId { get; init; }

    /// <summary>Read up to and including this message; everything when omitted.</summary>
    public int? MessageId { get; init; }
}
