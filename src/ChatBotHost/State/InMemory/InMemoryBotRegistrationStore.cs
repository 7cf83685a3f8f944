using System.Collections.Concurrent;

namespace ChatBotHost.State.InMemory;

/// <summary>Bot registrations in process memory; stores and returns snapshots, as the Redis store does via JSON.</summary>
public sealed class InMemoryBotRegistrationStore : IBotRegistrationStore
{
    private readonly ConcurrentDictionary<(string Portal, string BotCode), BotRegistration> _registrations = new();

    /// <inheritdoc />
    public Task<BotRegistration?> GetAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(
            _registrations.TryGetValue(Key(portal, botCode), out var registration) ? Snapshot(registration) : null);
    }

    /// <inheritdoc />
    public Task SaveAsync(string portal, string botCode, BotRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        cancellationToken.ThrowIfCancellationRequested();
        _registrations[Key(portal, botCode)] = Snapshot(registration);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<BotRegistration?> LearnApplicationTokenAsync(string portal, string botCode, int botId, string applicationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(portal, botCode);

        // Compare-and-set on the stored instance: a concurrent save or learn makes TryUpdate fail, and the loop looks again.
        while (_registrations.TryGetValue(key, out var current))
        {
            if (current.BotId != botId || current.ApplicationToken is not null)
            {
                return Task.FromResult<BotRegistration?>(Snapshot(current));
            }

            var learned = current with { ApplicationToken = applicationToken };
            if (_registrations.TryUpdate(key, learned, current))
            {
                return Task.FromResult<BotRegistration?>(Snapshot(learned));
            }
        }

        return Task.FromResult<BotRegistration?>(null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _registrations.TryRemove(Key(portal, botCode), out _);
        return Task.CompletedTask;
    }

    // CommandIds may be a caller's mutable dictionary; copying keeps later edits out of the store (and vice versa).
    private static BotRegistration Snapshot(BotRegistration registration) =>
        registration with { CommandIds = new Dictionary<string, int>(registration.CommandIds).AsReadOnly() };

    private static (string, string) Key(string portal, string botCode)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(botCode);
        return (portal, botCode);
    }
}
