using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;

namespace ChatBotHost.Testing;

/// <summary>Hands every turn the recording portal instead of a client talking HTTP.</summary>
internal sealed class RecordingClientSource(RecordingPortal portal) : IBotClientSource
{
    public IBitrixClient For(HostedBot bot) => portal;
}
