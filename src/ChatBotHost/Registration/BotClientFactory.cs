using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;

namespace ChatBotHost.Registration;

/// <summary>
/// Hands out clients that act as a bot, one attempt per request, and register it again when the portal says it no
/// longer exists (the call pipeline's re-register stage calls back here).
/// </summary>
internal sealed class BotClientFactory(BotReconciler reconciler) : IBotClientSource
{
    public IBitrixClient For(HostedBot bot) => For(bot, BucketPermit.ToTake());

    public IBitrixClient For(HostedBot bot, BucketPermit permit)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.Portal.CreateClient(bot, new CallPath(permit, Retried: false, ReRegister: ct => reconciler.RecoverAsync(bot, ct)));
    }
}
