using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>Typed events as the decoders would produce them, with distinct ids per call.</summary>
internal static class TestEvents
{
    private static long _nextId = 1000;

    public static MessageAdded Message(string text, string dialogId = "chat1", long? eventId = null) => new()
    {
        EventId = eventId ?? NextId(),
        Source = EventSource.Fetch,
        Chat = new Chat { Id = 1, DialogId = dialogId },
        User = new User { Id = 5 },
        Message = new Message { Id = (int)NextId(), Text = text },
    };

    public static MessageUpdated Edit(string text, string dialogId = "chat1") => new()
    {
        EventId = NextId(),
        Chat = new Chat { Id = 1, DialogId = dialogId },
        Message = new Message { Id = (int)NextId(), Text = text },
    };

    public static CommandInvoked Command(string command, string dialogId = "chat1") => new()
    {
        EventId = NextId(),
        Chat = new Chat { Id = 1, DialogId = dialogId },
        Command = command,
        CommandId = 3,
        Message = new Message { Id = (int)NextId(), Text = command },
    };

    private static long NextId() => Interlocked.Increment(ref _nextId);
}
