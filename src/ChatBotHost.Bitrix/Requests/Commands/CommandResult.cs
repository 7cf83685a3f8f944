using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>What Command.register and Command.update return: <c>{"command": Command}</c>.</summary>
public sealed record CommandResult
{
    /// <summary>The command as registered.</summary>
    public required CommandInfo Command { get; init; }
}
