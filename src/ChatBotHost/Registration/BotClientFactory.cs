using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;

namespace ChatBotHost.Registration;

/// <summary>Hands out clients that act as a bot and register it again when the portal says it no longer exists.</summary>
internal sealed class BotClientFactory(BotReconciler reconciler) : IBotClientSource
{
    public IBitrixClient For(HostedBot bot) => new ReRegisteringClient(bot, reconciler);

    private sealed class ReRegisteringClient(HostedBot bot, BotReconciler reconciler) : IBitrixClient
    {
        public async Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
        {
            try
            {
                return await bot.Client.CallAsync(request, cancellationToken);
            }
            catch (BitrixApiException ex) when (ex.Error == BitrixErrors.BotNotFound)
            {
                // The bot was deleted on the portal (spec §4: BOT_NOT_FOUND → re-register). The request carries no bot id
                // of its own, so the retry goes out with the new one.
                await reconciler.RecoverAsync(bot, cancellationToken);
                return await bot.Client.CallAsync(request, cancellationToken);
            }
        }
    }
}
