using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;

namespace ChatBotHost.Registration;

/// <summary>Gives a turn the client that acts as its bot; the test kit replaces it with a recording portal.</summary>
internal interface IBotClientSource
{
    IBitrixClient For(HostedBot bot);
}
