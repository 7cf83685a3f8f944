using ChatBotHost.Configuration;
using ChatBotHost.State.InMemory;
using ChatBotHost.State.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.State;

/// <summary>Registers the state stores: Redis when a configuration string is given, in-memory otherwise.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores as singletons. An empty <paramref name="redisConfiguration"/> selects in-memory state;
    /// otherwise it is a StackExchange.Redis configuration string (setting ChatBotHost:Redis:Configuration).
    /// <paramref name="dialogStateRetention"/> (default 30 days) is how long an untouched dialog's state is kept.
    /// A TimeProvider registered in the container drives in-memory expiry (and, with in-memory state, the waits and
    /// renewals of <see cref="LeaseLock"/>).
    /// </summary>
    public static IServiceCollection AddStateStores(
        this IServiceCollection services,
        string? redisConfiguration,
        string keyPrefix = RedisKeys.DefaultPrefix,
        TimeSpan? dialogStateRetention = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var retention = dialogStateRetention ?? StateRetention.DefaultDialogState;
        StateRetention.Validate(retention, nameof(dialogStateRetention));
        return string.IsNullOrWhiteSpace(redisConfiguration)
            ? AddInMemory(services, retention)
            : AddRedis(services, redisConfiguration, keyPrefix, retention);
    }

    private static IServiceCollection AddInMemory(IServiceCollection services, TimeSpan retention)
    {
        services.AddSingleton(new StateStoreInfo(StateStoreKind.InMemory, "in-memory state: everything is lost on restart"));
        services.AddSingleton<IDialogStateStore>(provider =>
            new InMemoryDialogStateStore(TimeProviderOf(provider), retention));
        services.AddSingleton<IOffsetStore, InMemoryOffsetStore>();
        services.AddSingleton<IDeduplicationStore>(provider => new InMemoryDeduplicationStore(TimeProviderOf(provider)));
        services.AddSingleton<IBotRegistrationStore, InMemoryBotRegistrationStore>();
        services.AddSingleton<ITimerStore, InMemoryTimerStore>();
        services.AddSingleton<IInboxStore, InMemoryInboxStore>();
        services.AddSingleton<IDeadLetterStore>(new InMemoryDeadLetterStore());
        services.AddSingleton<IPortalStore, InMemoryPortalStore>();
        // Nothing is stored at rest in memory, so nothing is encrypted: no Data Protection (its key ring would be read
        // from disk at start-up for nothing).
        services.AddSingleton<ITokenStore, InMemoryTokenStore>();
        services.AddSingleton<IPortalRevocations, InMemoryPortalRevocations>();
        services.AddSingleton<ILeaseStore>(provider => new InMemoryLeaseStore(TimeProviderOf(provider)));
        services.AddSingleton<IRateLimitStore>(provider => new InMemoryRateLimitStore(TimeProviderOf(provider)));
        services.AddSingleton<ISentLedger>(provider => new InMemorySentLedger(TimeProviderOf(provider)));
        return AddLeaseLock(services, TimeProviderOf);
    }

    private static IServiceCollection AddRedis(IServiceCollection services, string configuration, string keyPrefix, TimeSpan retention)
    {
        // Parsed now, so a malformed setting fails at start-up; the connection itself is opened at first use
        // (or when the host calls RedisConnection.ConnectAsync to fail fast).
        var connection = new RedisConnection(configuration);
        var keys = new RedisKeys(keyPrefix);
        services.AddSingleton(new StateStoreInfo(
            StateStoreKind.Redis, $"Redis at {connection.Endpoints}, key prefix '{keys.Prefix}'"));
        // Registered by factory so the container owns (and disposes) the connection.
        services.AddSingleton(_ => connection);
        services.AddSingleton(keys);
        services.AddSingleton<IDialogStateStore>(provider =>
            new RedisDialogStateStore(provider.GetRequiredService<RedisConnection>(), keys, retention));
        services.AddSingleton<IOffsetStore>(provider =>
            new RedisOffsetStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IDeduplicationStore>(provider =>
            new RedisDeduplicationStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IBotRegistrationStore>(provider =>
            new RedisBotRegistrationStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<ITimerStore>(provider =>
            new RedisTimerStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IInboxStore>(provider =>
            new RedisInboxStore(provider.GetRequiredService<RedisConnection>(), keys));
        // Off (0) unless ChatBotHost:Redis:WaitForReplicas says otherwise; the options are validated at start.
        services.AddSingleton<IInboxReplication>(provider =>
        {
            var redis = provider.GetService<IOptions<ChatBotHostOptions>>()?.Value.Redis ?? new RedisOptions();
            return new RedisInboxReplication(provider.GetRequiredService<RedisConnection>(), keys, redis.WaitForReplicas, redis.WaitForReplicasTimeout);
        });
        services.AddSingleton<ILeaseStore>(provider =>
            new RedisLeaseStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IDeadLetterStore>(provider =>
            new RedisDeadLetterStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IRateLimitStore>(provider =>
            new RedisRateLimitStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IPortalStore>(provider =>
            new RedisPortalStore(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<ITokenStore>(provider =>
            new RedisTokenStore(provider.GetRequiredService<RedisConnection>(), keys, provider.GetRequiredService<TokenProtection>()));
        // The key ring that encrypts the tokens lives in Redis too, where every replica reads it.
        services.AddDataProtection().SetApplicationName(TokenProtection.ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new RedisXmlRepository(provider.GetRequiredService<RedisConnection>(), keys)));
        services.AddSingleton(provider => new TokenProtection(provider.GetRequiredService<IDataProtectionProvider>()));
        services.AddSingleton<IPortalRevocations>(provider =>
            new RedisPortalRevocations(provider.GetRequiredService<RedisConnection>(), keys, provider.GetService<ILogger<RedisPortalRevocations>>()));
        services.AddSingleton<ISentLedger>(provider =>
            new RedisSentLedger(provider.GetRequiredService<RedisConnection>(), keys));
        services.AddSingleton<IPortalStatePurge>(provider =>
            new RedisPortalStatePurge(provider.GetRequiredService<RedisConnection>(), keys));
        // Unless a clock is registered already (tests), the host's wall clock is the one all replicas agree on.
        services.AddSingleton(_ => new RedisAlignedClock(TimeProvider.System));
        services.TryAddSingleton<TimeProvider>(provider => provider.GetRequiredService<RedisAlignedClock>());
        services.AddHostedService<RedisClockAlignment>();
        // Redis expires leases by its own real clock, so renewals must keep real time whatever clock the host uses.
        return AddLeaseLock(services, _ => TimeProvider.System);
    }

    // One per process: its owner id names this replica in every lease it takes. Its clock must be the one the lease
    // store expires leases by, or renewals would come too late.
    private static IServiceCollection AddLeaseLock(IServiceCollection services, Func<IServiceProvider, TimeProvider> clock) =>
        services.AddSingleton(provider => new LeaseLock(
            provider.GetRequiredService<ILeaseStore>(),
            clock(provider),
            provider.GetService<ILogger<LeaseLock>>() ?? NullLogger<LeaseLock>.Instance));

    private static TimeProvider TimeProviderOf(IServiceProvider provider) =>
        provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
