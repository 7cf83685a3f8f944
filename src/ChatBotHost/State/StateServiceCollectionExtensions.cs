using ChatBotHost.State.InMemory;
using ChatBotHost.State.Redis;

namespace ChatBotHost.State;

/// <summary>Registers the state stores: Redis when a configuration string is given, in-memory otherwise.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>Registers the stores; an empty <paramref name="redisConfiguration"/> selects in-memory state.</summary>
    public static IServiceCollection AddStateStores(
        this IServiceCollection services, string? redisConfiguration, string keyPrefix = RedisKeys.DefaultPrefix) =>
        services.AddStateStores(new StateStoreOptions { RedisConfiguration = redisConfiguration, KeyPrefix = keyPrefix });

    /// <summary>Registers the stores as the options say (singletons).</summary>
    public static IServiceCollection AddStateStores(this IServiceCollection services, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        StateStoreOptions.ValidateRetention(options.DialogStateRetention);
        return string.IsNullOrWhiteSpace(options.RedisConfiguration)
            ? AddInMemory(services, options)
            : AddRedis(services, options, options.RedisConfiguration);
    }

    private static IServiceCollection AddInMemory(IServiceCollection services, StateStoreOptions options)
    {
        services.AddSingleton(new StateStoreInfo(StateStoreKind.InMemory, "in-memory state: everything is lost on restart"));
        services.AddSingleton<IDialogStateStore>(provider =>
            new InMemoryDialogStateStore(TimeProviderOf(provider), options.DialogStateRetention));
        services.AddSingleton<IOffsetStore, InMemoryOffsetStore>();
        services.AddSingleton<IDeduplicationStore>(provider => new InMemoryDeduplicationStore(TimeProviderOf(provider)));
        services.AddSingleton<IBotRegistrationStore, InMemoryBotRegistrationStore>();
        return services;
    }

    private static IServiceCollection AddRedis(IServiceCollection services, StateStoreOptions options, string configuration)
    {
        // Parsed now, so a malformed setting fails at start-up; the connection itself is opened at first use
        // (or when the host calls RedisConnection.ConnectAsync to fail fast).
        var connection = new RedisConnection(configuration);
        var keys = new RedisKeys(options.KeyPrefix);
        var retention = options.DialogStateRetention;
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
        return services;
    }

    private static TimeProvider TimeProviderOf(IServiceProvider provider) =>
        provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
