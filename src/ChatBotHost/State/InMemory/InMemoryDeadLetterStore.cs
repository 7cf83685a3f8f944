namespace ChatBotHost.State.InMemory;

/// <summary>Dead letters in memory (local mode and unit tests), capped per portal like the Redis store.</summary>
public sealed class InMemoryDeadLetterStore(int capacity = InMemoryDeadLetterStore.DefaultCapacity) : IDeadLetterStore
{
    /// <summary>How many letters a portal keeps before the oldest are dropped.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<DeadLetter>> _byPortal = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string> AddAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var stored = letter with { Id = Guid.NewGuid().ToString("N") };
        lock (_gate)
        {
            if (!_byPortal.TryGetValue(letter.Portal, out var letters))
            {
                letters = new LinkedList<DeadLetter>();
                _byPortal[letter.Portal] = letters;
            }

            letters.AddFirst(stored);
            while (letters.Count > capacity)
            {
                letters.RemoveLast();
            }
        }

        return Task.FromResult(stored.Id);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> ListAsync(string portal, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadLetter> letters = _byPortal.TryGetValue(portal, out var all) ? all.Take(max).ToArray() : [];
            return Task.FromResult(letters);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string portal, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var node = _byPortal.TryGetValue(portal, out var all) ? all.First : null;
            for (; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    all!.Remove(node);
                    return Task.FromResult(true);
                }
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc />
    public Task<long> CountAsync(string portal, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult((long)(_byPortal.TryGetValue(portal, out var all) ? all.Count : 0));
        }
    }
}
