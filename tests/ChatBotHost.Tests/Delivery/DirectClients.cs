using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;

namespace ChatBotHost.Tests.Delivery;

/// <summary>Hands the outbox the bot's own client, without the re-registration wrapper.</summary>
internal sealed class DirectClients : IBotClientSource
{
    public IBitrixClient For(HostedBot bot) => bot.Client;
}
