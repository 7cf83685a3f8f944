using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// How the workers turn a claimed event back into the typed event. An interface so the workers' handling of a decoder
/// that fails in an unforeseen way (any exception, not only <see cref="EventDecodingException"/>) can be tested.
/// </summary>
internal interface IQueuedEventDecoder
{
    /// <exception cref="EventDecodingException">The payload cannot be decoded.</exception>
    BotEvent Decode(InboxItem item, HostedBot bot);
}
