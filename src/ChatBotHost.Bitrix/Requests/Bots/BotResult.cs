using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>What Bot.register, Bot.update and Bot.get return: <c>{"bot": Bot, "users": [User]}</c>.</summary>
public sealed record BotResult
{
    /// <summary>The bot (extended fields when we own it).</summary>
    public required BotInfo Bot { get; init; }

    /// <summary>The bot's user record.</summary>
    public IReadOnlyList<User> Users { get; init; } = [];
}
