using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Proactive;

/// <summary>A message a bot sends on its own initiative (see <see cref="IBotMessenger"/>).</summary>
public sealed record ProactiveMessage
{
    /// <summary>The bot that speaks, by its code.</summary>
    public required string BotCode { get; init; }

    /// <summary>Where: a user id for the bot's private chat with that user, or "chat{N}" for a group chat.</summary>
    public required string DialogId { get; init; }

    /// <summary>Text (longer than 20,000 characters is sent as several messages), attach, keyboard.</summary>
    public required MessageFields Message { get; init; }

    /// <summary>The application portal (its member_id) in OAuth mode; null for the incoming-webhook portal.</summary>
    public string? MemberId { get; init; }

    /// <summary>
    /// When set, the same key for the same bot and portal queues the message once: a repeat returns the same id and
    /// sends nothing (for as long as handled events are remembered). Null: every call sends.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
