namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>imbot.v2.Chat.Message.delete: deletes the bot's message (any message when the bot is a chat admin).</summary>
public sealed record ChatMessageDeleteRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.Message.delete";

    /// <summary>The message to delete.</summary>
    public required int MessageId { get; init; }

    /// <summary>True purges it; false (default) leaves a "deleted" stub.</summary>
    public bool? Complete { get; init; }
}
