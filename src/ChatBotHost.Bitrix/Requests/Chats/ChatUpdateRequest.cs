namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>imbot.v2.Chat.update: changes title, description, colour or avatar.</summary>
public sealed record ChatUpdateRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.update";

    /// <summary>"chat{id}" for a group chat, or the other party's user id for a private one.</summary>
    public required string DialogId { get; init; }

    /// <summary>What to change.</summary>
    public required ChatUpdateFields Fields { get; init; }
}
