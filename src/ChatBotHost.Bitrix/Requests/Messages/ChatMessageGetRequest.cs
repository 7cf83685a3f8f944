namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.get: one message (supervisor and personal bots only).</summary>
public sealed record ChatMessageGetRequest : BotRequest<ChatMessageGetResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.get";

    /// <summary>The message to read.</summary>
    public required int MessageId { get; init; }
}
