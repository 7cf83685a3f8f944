namespace ChatBotHost.Hosting;

/// <summary>The hosted bots, found by code (webhook URLs, configuration) or by bot id (events).</summary>
internal sealed class BotDirectory(IEnumerable<HostedBot> bots)
{
    private readonly IReadOnlyDictionary<string, HostedBot> _byCode =
        bots.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<HostedBot> All => _byCode.Values;

    public HostedBot? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public HostedBot? FindById(int botId) => botId == 0 ? null : _byCode.Values.FirstOrDefault(b => b.BotId == botId);
}
