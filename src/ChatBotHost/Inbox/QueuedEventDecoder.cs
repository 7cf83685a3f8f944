using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>The decoder the host runs with: the same decoders the intakes use (<see cref="InboxEventReader"/>).</summary>
internal sealed class QueuedEventDecoder : IQueuedEventDecoder
{
    public BotEvent Decode(InboxItem item, HostedBot bot) => InboxEventReader.Read(item, bot);
}
