namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.update: edits one of the bot's own messages.</summary>
public sealed record ChatMessageUpdateRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.update";

    /// <summary>The message to edit.</summary>
    public required int MessageId { get; init; }

    /// <summary>What to change.</summary>
    public required MessageUpdateFields Fields { get; init; }
}
