using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;

namespace ChatBotHost.Registration;

/// <summary>Gives a turn the client that acts as its bot; the test kit replaces it with a recording portal.</summary>
internal interface IBotClientSource
{
    /// <summary>One attempt per request, a bucket slot taken for each (the fetch loop schedules its own retries).</summary>
    IBitrixClient For(HostedBot bot);

    /// <summary>The same for the outbox, whose first request spends the slot it already took (<paramref name="permit"/>).</summary>
    IBitrixClient For(HostedBot bot, BucketPermit permit) => For(bot);
}
