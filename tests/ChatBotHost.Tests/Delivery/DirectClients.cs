using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;

namespace ChatBotHost.Tests.Delivery;

/// <summary>Hands the outbox the bot's client on the call pipeline, one attempt per request, without re-registration.</summary>
internal sealed class DirectClients : IBotClientSource
{
    public IBitrixClient For(HostedBot bot) => For(bot, BucketPermit.ToTake());

    public IBitrixClient For(HostedBot bot, BucketPermit permit) => bot.Portal.CreateClient(bot, new CallPath(permit, Retried: false));
}
