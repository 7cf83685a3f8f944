using System.Text.RegularExpressions;
using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Hosting;

/// <summary>The bots this host serves, declared once at start-up from their <see cref="IBot"/> classes.</summary>
internal sealed partial class BotCatalog
{
    private readonly Dictionary<string, BotDefinition> _byCode;

    public BotCatalog(IEnumerable<BotDefinition> definitions)
    {
        _byCode = new Dictionary<string, BotDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            if (!CodePattern().IsMatch(definition.Code))
            {
                throw new InvalidOperationException(
                    $"Bot code '{definition.Code}' may contain only letters, digits, '_' and '-' (it appears in URLs and configuration keys).");
            }

            if (!_byCode.TryAdd(definition.Code, definition))
            {
                throw new InvalidOperationException($"Two bots declare the code '{definition.Code}'.");
            }
        }
    }

    public IReadOnlyCollection<BotDefinition> Definitions => _byCode.Values;

    public BotDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Creates each bot class through dependency injection and collects its declaration.</summary>
    public static BotCatalog Create(IServiceProvider services, IEnumerable<Type> botTypes) =>
        new(botTypes.Select(type =>
        {
            var bot = (IBot)ActivatorUtilities.CreateInstance(services, type);
            var builder = new BotBuilder();
            bot.Configure(builder);
            return builder.Build(type.Name);
        }));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
