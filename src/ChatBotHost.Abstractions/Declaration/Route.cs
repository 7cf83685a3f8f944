using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Declaration;

/// <summary>One handler with the condition under which it takes an event; the first matching route wins.</summary>
public sealed record Route(string Description, Func<BotEvent, bool> Matches, TurnHandler<BotEvent> Handler);
