using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>One page of Bot.list.</summary>
public sealed record BotListResult
{
    /// <summary>The bots, with extended fields.</summary>
    public IReadOnlyList<BotInfo> Bots { get; init; } = [];

    /// <summary>Their user records.</summary>
    public IReadOnlyList<User> Users { get; init; } = [];

    /// <summary>Another page follows.</summary>
    public bool HasNextPage { get; init; }
}
