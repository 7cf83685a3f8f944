namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>What the test dialogs report (mainly their endings), in order; one per test host.</summary>
public sealed class DialogLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public void Add(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
