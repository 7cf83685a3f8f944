using System.Runtime.CompilerServices;
using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.LiveBots;

/// <summary>
/// The version (a hash of the unit's sources) of each loaded bot declaration, which dialog state records so a
/// replica can tell state written by other code. Keyed weakly: an unloaded version's declaration is not kept alive.
/// Bots compiled into the process (tests, the bench) have none.
/// </summary>
internal sealed class BotVersions
{
    private readonly ConditionalWeakTable<BotDefinition, string> _versions = [];

    public void Record(BotDefinition definition, string version) => _versions.AddOrUpdate(definition, version);

    public string? Of(BotDefinition definition) => _versions.TryGetValue(definition, out var version) ? version : null;
}
