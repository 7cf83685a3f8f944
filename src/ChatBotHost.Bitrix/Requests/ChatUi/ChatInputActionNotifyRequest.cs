namespace ChatBotHost.Bitrix.Requests.ChatUi;

/// <summary>imbot.v2.Chat.InputAction.notify: shows "typing…" or another activity under the chat.</summary>
public sealed record ChatInputActionNotifyRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Chat.InputAction.notify";

    /// <summary>The chat.</summary>
    public required string DialogId { get; init; }

    /// <summary>One of <see cref="InputActionCodes"/>; typing when omitted.</summary>
    public string? StatusMessageCode { get; init; }

    /// <summary>Seconds to show it, 1–600 (server default when omitted).</summary>
    public int? Duration { get; init; }
}
