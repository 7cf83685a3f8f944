using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>The bot's commands.</summary>
public sealed record CommandListResult
{
    /// <summary>Every registered command.</summary>
    public IReadOnlyList<CommandInfo> Commands { get; init; } = [];
}
