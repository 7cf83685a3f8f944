using System.Collections.Concurrent;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Every event that reached the probe bot's handlers on one host, in the order they ran.</summary>
internal sealed class HandledEvents
{
    private readonly ConcurrentQueue<HandledEvent> _events = new();

    public IReadOnlyList<HandledEvent> All => [.. _events];

    public void Add(HandledEvent handled) => _events.Enqueue(handled);

    /// <summary>How many handled events carried exactly this text.</summary>
    public int CountText(string text) => _events.Count(e => e.Text == text);
}
