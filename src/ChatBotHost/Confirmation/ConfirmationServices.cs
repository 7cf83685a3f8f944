using Microsoft.Extensions.DependencyInjection.Extensions;
using ChatBotHost.State.Redis;

namespace ChatBotHost.Confirmation;

/// <summary>Registers the waits for the administrator's confirmation and the ONAPPMETHODCONFIRM intake.</summary>
internal static class ConfirmationServices
{
    /// <summary>The waits (Redis when the state is in Redis, else in memory); the turn pipeline records into them.</summary>
    public static IServiceCollection AddMethodConfirmWaits(this IServiceCollection services)
    {
        services.TryAddSingleton<IMethodConfirmWaits>(provider =>
            provider.GetService<RedisConnection>() is { } connection
                ? new RedisMethodConfirmWaits(connection, provider.GetRequiredService<RedisKeys>())
                : new InMemoryMethodConfirmWaits(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<MethodConfirmDelivery>();
        return services;
    }

    /// <summary>The intake of POST /bitrix/method-confirm (idle until OAuth mode is configured).</summary>
    public static IServiceCollection AddMethodConfirmIntake(this IServiceCollection services)
    {
        services.AddMethodConfirmWaits();
        services.TryAddSingleton<MethodConfirmIntake>();
        return services;
    }
}
