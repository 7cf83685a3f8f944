using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Portal;

/// <summary>
/// Which bots hear a user's message (spec §3, §7.2): the bot of a private chat hears everything; in a group,
/// supervisor/personal bots hear everything and bot/openline bots only @mentions; a leading /command goes to
/// every bot that has it and can see it, as COMMANDADD instead of MESSAGEADD.
/// </summary>
internal static class MessageRouting
{
    public static IReadOnlyList<BotState> Observers(PortalState state, ChatState chat, string text)
    {
        if (chat.IsPrivate)
        {
            return state.FindBot(chat.PrivateBotId) is { } bot ? [bot] : [];
        }

        return [.. chat.Members
            .Select(state.FindBot)
            .OfType<BotState>()
            .Where(bot => bot.SeesEveryMessage || Mentions(text, bot))];
    }

    public static bool Mentions(string text, BotState bot) =>
        text.Contains($"[user={bot.Id}]", StringComparison.OrdinalIgnoreCase)
        || text.Contains("@" + bot.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bots that get the message's leading command, with that command and its parameters.</summary>
    public static IReadOnlyList<(BotState Bot, EmulatedCommand Command, string Params)> Commands(
        PortalState state, ChatState chat, string text)
    {
        if (!TryParseCommand(text, out var name, out var parameters))
        {
            return [];
        }

        var targets = new List<(BotState, EmulatedCommand, string)>();
        foreach (var command in state.Commands.Values.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            if (state.FindBot(command.BotId) is { } bot && (chat.HasMember(bot.Id) || command.Common))
            {
                targets.Add((bot, command, parameters));
            }
        }

        return targets;
    }

    private static bool TryParseCommand(string text, out string name, out string parameters)
    {
        name = parameters = "";
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/')
        {
            return false;
        }

        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        name = end < 0 ? trimmed[1..] : trimmed[1..end];
        parameters = end < 0 ? "" : trimmed[end..].Trim();
        return name.Length > 0;
    }
}
