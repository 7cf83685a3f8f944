namespace ChatBotHost.Confirmation;

/// <summary>The waits in process memory (in-memory state): lost on restart like every other in-memory state.</summary>
internal sealed class InMemoryMethodConfirmWaits(TimeProvider time) : IMethodConfirmWaits
{
    private readonly Dictionary<(string Portal, string Method), Record> _records = [];
    private readonly Lock _gate = new();

    public Task RecordAsync(string portal, string method, MethodConfirmWait wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(portal, method);
        lock (_gate)
        {
            var waits = Live(key)?.Waits ?? new Dictionary<string, MethodConfirmWait>(StringComparer.Ordinal);
            waits[wait.Field] = wait;
            _records[key] = new Record(waits, time.GetUtcNow() + IMethodConfirmWaits.Retention);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MethodConfirmWait>> ListAsync(string portal, string method, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<MethodConfirmWait> waits = Live(Key(portal, method))?.Waits.Values.ToArray() ?? [];
            return Task.FromResult(waits);
        }
    }

    public Task RemoveAsync(string portal, string method, IReadOnlyCollection<MethodConfirmWait> waits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waits);
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(portal, method);
        lock (_gate)
        {
            if (Live(key) is { } record)
            {
                foreach (var wait in waits)
                {
                    record.Waits.Remove(wait.Field);
                }

                if (record.Waits.Count == 0)
                {
                    _records.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }

    private Record? Live((string, string) key)
    {
        if (!_records.TryGetValue(key, out var record))
        {
            return null;
        }

        if (record.ExpiresAt > time.GetUtcNow())
        {
            return record;
        }

        _records.Remove(key);
        return null;
    }

    private static (string, string) Key(string portal, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(portal);
        ArgumentException.ThrowIfNullOrEmpty(method);
        return (portal, method.ToLowerInvariant());
    }

    private sealed record Record(Dictionary<string, MethodConfirmWait> Waits, DateTimeOffset ExpiresAt);
}
