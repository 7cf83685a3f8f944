namespace ChatBotHost.Bitrix.Requests.ChatUi;

/// <summary>imbot.v2.Chat.TextField.enabled: lets users type in the chat, or stops them (e.g. keyboard-only flows).</summary>
public sealed record ChatTextFieldEnabledRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.TextField.enabled";

    /// <summary>The chat.</summary>
    public required string DialogId { get; init; }

    /// <summary>True to allow typing.</summary>
    public bool Enabled { get; init; } = true;
}
