namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.getContext: messages around one message (supervisor and personal bots only).</summary>
public sealed record ChatMessageGetContextRequest : BotRequest<ChatMessageGetContextResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.getContext";

    /// <summary>The centre message.</summary>
    public required int MessageId { get; init; }

    /// <summary>Messages on each side, 1–50 (server default 50).</summary>
    public int? Range { get; init; }
}
