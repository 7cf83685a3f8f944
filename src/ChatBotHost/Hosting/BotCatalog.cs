using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Hosting;

/// <summary>
/// The bots this host serves, declared at start-up from their <see cref="IBot"/> classes; the live bots folder
/// changes it as units are added, edited and removed (readers see one whole version or the next).
/// </summary>
internal sealed partial class BotCatalog
{
    private ImmutableDictionary<string, BotDefinition> _byCode;

    public BotCatalog(IEnumerable<BotDefinition> definitions)
    {
        var byCode = new Dictionary<string, BotDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            if (!CodePattern().IsMatch(definition.Code))
            {
                throw new InvalidOperationException(
                    $"Bot code '{definition.Code}' may contain only letters, digits, '_' and '-' (it appears in URLs and configuration keys).");
            }

            if (!byCode.TryAdd(definition.Code, definition))
            {
                throw new InvalidOperationException($"Two bots declare the code '{definition.Code}'.");
            }
        }

        _byCode = byCode.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<BotDefinition> Definitions => [.. Volatile.Read(ref _byCode).Values];

    public BotDefinition? Find(string code) => Volatile.Read(ref _byCode).GetValueOrDefault(code);

    /// <summary>Takes out the bots of a unit's old version and puts in those of its new one (validated by the loader).</summary>
    public void Replace(IEnumerable<string> removed, IEnumerable<BotDefinition> added) =>
        ImmutableInterlocked.Update(ref _byCode, d => d.RemoveRange(removed).SetItems(added.Select(a => KeyValuePair.Create(a.Code, a))));

    /// <summary>Creates each bot class through dependency injection and collects its declaration.</summary>
    public static BotCatalog Create(IServiceProvider services, IEnumerable<Type> botTypes) =>
        new(botTypes.Select(type => Describe(services, type)));

    /// <summary>Creates one bot class through dependency injection and collects its declaration.</summary>
    public static BotDefinition Describe(IServiceProvider services, Type botType)
    {
        var bot = (IBot)ActivatorUtilities.CreateInstance(services, botType);
        var builder = new BotBuilder();
        bot.Configure(builder);
        return builder.Build(botType.Name);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
