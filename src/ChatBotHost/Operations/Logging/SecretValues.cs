namespace ChatBotHost.Operations.Logging;

/// <summary>
/// The secret values the host holds right now (bot tokens, webhook secrets, application tokens, OAuth tokens), from
/// sources the parts that hold them add. The log redactor masks every one of them wherever it appears.
/// </summary>
internal sealed class SecretValues
{
    /// <summary>Shorter values are not masked: they would match ordinary text, and no real secret is this short.</summary>
    public const int MinLength = 8;

    private readonly List<Func<IEnumerable<string?>>> _sources = [];
    private readonly Lock _lock = new();

    /// <summary>Adds a source read at every log event, so values learned later (a new token) are masked too.</summary>
    public void Add(Func<IEnumerable<string?>> source)
    {
        lock (_lock)
        {
            _sources.Add(source);
        }
    }

    /// <summary>The current values, longest first (a secret containing another is masked whole).</summary>
    public IReadOnlyList<string> Current()
    {
        Func<IEnumerable<string?>>[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var value in source())
            {
                if (value is { Length: >= MinLength })
                {
                    values.Add(value);
                }
            }
        }

        return [.. values.OrderByDescending(v => v.Length)];
    }
}
