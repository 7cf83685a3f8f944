using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.OAuth;

namespace ChatBotHost.Rest;

/// <summary>
/// <see cref="IBitrixRest"/> outside a turn: the portal's bots are looked up in the bot directory at each call (an
/// application portal's bots come and go with installs), and the call waits until the chosen bot is registered.
/// </summary>
internal sealed class BitrixRestFactory(BotDirectory directory, ISendQueue outbox, IServiceProvider services) : IBitrixRestFactory
{
    public IReadOnlyList<BitrixPortal> ApplicationPortals =>
        [.. directory.All
            .Select(b => b.Portal.OAuth)
            .OfType<OAuthPortal>()
            .DistinctBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BitrixPortal(p.MemberId, p.Record.Domain))];

    public IBitrixRest ForWebhookPortal(RestScope? scope = null)
    {
        if (!WebhookBots().Any())
        {
            throw new InvalidOperationException("No webhook portal is configured (ChatBotHost:Portal:WebhookUrl), or it has no bots.");
        }

        return Create(WebhookBots, scope);
    }

    public IBitrixRest ForApplicationPortal(string memberId, RestScope? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var key = OAuthPortal.KeyOf(memberId);
        if (directory.OfPortal(key) is null)
        {
            throw new InvalidOperationException($"No application installation with member_id {memberId} is served by this host.");
        }

        return Create(() => directory.OfPortal(key) ?? [], scope);
    }

    private IEnumerable<HostedBot> WebhookBots() => directory.All.Where(b => b.Portal.OAuth is null);

    private SendQueueRest Create(Func<IEnumerable<HostedBot>> bots, RestScope? scope) =>
        new(
            outbox,
            ct => ReadyBotAsync(bots, scope?.BotCode, ct),
            scope?.IdempotencyScope is { } key ? new RestIdempotency(key) : RestIdempotency.None,
            dialogId: null,
            TurnRest.MaxPerRequest(services));

    private static async Task<HostedBot> ReadyBotAsync(Func<IEnumerable<HostedBot>> bots, string? code, CancellationToken cancellationToken)
    {
        var bot = bots()
            .Where(b => b.Settings.Enabled && (code is null || string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(code is null
                ? "The portal has no enabled bot to call as (it may have been uninstalled)."
                : $"The portal has no enabled bot '{code}' to call as.");
        await bot.Ready.WaitAsync(cancellationToken);
        return bot;
    }
}
