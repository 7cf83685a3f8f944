using System.Collections.Immutable;

namespace ChatBotHost.Hosting;

/// <summary>
/// The hosted bots: those of the configured webhook portal (fixed at start, found by code alone) and those of the
/// application portals, added and removed as installs come and go. Every bot is found by (portal key, code).
/// </summary>
internal sealed class BotDirectory(IEnumerable<HostedBot> bots)
{
    private ImmutableDictionary<string, HostedBot> _byCode =
        bots.ToImmutableDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

    private ImmutableDictionary<string, IReadOnlyList<HostedBot>> _installed =
        ImmutableDictionary.Create<string, IReadOnlyList<HostedBot>>(StringComparer.Ordinal);

    public IEnumerable<HostedBot> All => Volatile.Read(ref _byCode).Values.Concat(Volatile.Read(ref _installed).Values.SelectMany(b => b));

    private volatile string[]? _portalKeys;

    /// <summary>The portal keys with enabled bots (for the inbox workers' claiming); computed once per change.</summary>
    public IReadOnlyList<string> PortalKeys =>
        _portalKeys ??= [.. All.Where(b => b.Settings.Enabled).Select(b => b.Portal.Key).Distinct(StringComparer.Ordinal)];

    /// <summary>A bot of the configured webhook portal.</summary>
    public HostedBot? FindByCode(string code) => Volatile.Read(ref _byCode).GetValueOrDefault(code);

    /// <summary>A bot of the configured webhook portal added while running (the live bots folder).</summary>
    public void Add(HostedBot bot)
    {
        ImmutableInterlocked.Update(ref _byCode, d => d.SetItem(bot.Code, bot));
        _portalKeys = null;
    }

    /// <summary>Stops serving a bot of the configured webhook portal.</summary>
    public void Remove(string code)
    {
        ImmutableInterlocked.Update(ref _byCode, d => d.Remove(code));
        _portalKeys = null;
    }

    /// <summary>A bot of any portal.</summary>
    public HostedBot? Find(string portal, string code)
    {
        if (Volatile.Read(ref _byCode).GetValueOrDefault(code) is { } fixedBot && fixedBot.Portal.Key == portal)
        {
            return fixedBot;
        }

        return Volatile.Read(ref _installed).GetValueOrDefault(portal)?
            .FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The bots of an application portal, or null when it is not served here.</summary>
    public IReadOnlyList<HostedBot>? OfPortal(string portal) => Volatile.Read(ref _installed).GetValueOrDefault(portal);

    public void AddPortal(string portal, IReadOnlyList<HostedBot> portalBots)
    {
        ImmutableInterlocked.Update(ref _installed, d => d.SetItem(portal, portalBots));
        _portalKeys = null;
    }

    public void RemovePortal(string portal)
    {
        ImmutableInterlocked.Update(ref _installed, d => d.Remove(portal));
        _portalKeys = null;
    }
}
