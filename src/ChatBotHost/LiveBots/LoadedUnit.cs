using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.LiveBots;

/// <summary>A unit's version that loaded: its bots' declarations, and the context to unload when it is replaced.</summary>
internal sealed record LoadedUnit(BotUnit Unit, BotLoadContext Context, IReadOnlyList<Type> BotTypes, IReadOnlyList<BotDefinition> Definitions);
