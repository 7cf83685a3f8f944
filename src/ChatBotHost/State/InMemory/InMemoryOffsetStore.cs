using System.Collections.Concurrent;

namespace ChatBotHost.State.InMemory;

/// <summary>Fetch-mode offsets in process memory; like Redis, a smaller offset never replaces a larger one.</summary>
public sealed class InMemoryOffsetStore : IOffsetStore
{
    private readonly ConcurrentDictionary<(string Portal, string BotCode), long> _offsets = new();

    /// <inheritdoc />
    public Task<long?> GetAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_offsets.TryGetValue(Key(portal, botCode), out var offset) ? offset : (long?)null);
    }

    /// <inheritdoc />
    public Task AdvanceAsync(string portal, string botCode, long offset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _offsets.AddOrUpdate(Key(portal, botCode), offset, (_, current) => Math.Max(current, offset));
        return Task.CompletedTask;
    }

    private static (string, string) Key(string portal, string botCode)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(botCode);
        return (portal, botCode);
    }
}
