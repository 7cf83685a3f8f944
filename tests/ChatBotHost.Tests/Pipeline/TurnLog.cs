namespace ChatBotHost.Tests.Pipeline;

/// <summary>What middlewares and handlers did during a turn, in order (a singleton the middlewares get injected).</summary>
public sealed class TurnLog
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
