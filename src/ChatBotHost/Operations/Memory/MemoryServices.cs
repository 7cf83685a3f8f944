using ChatBotHost.Configuration;

namespace ChatBotHost.Operations.Memory;

internal static class MemoryServices
{
    public static IServiceCollection AddIdleMemoryTrim(this IServiceCollection services, IConfiguration configuration)
    {
        var trim = configuration.GetValue($"{ChatBotHostOptions.SectionName}:Memory:TrimWhenIdle", defaultValue: true);
        if (trim)
        {
            services.AddSingleton<IGarbageCollector, RuntimeGarbageCollector>();
            services.AddHostedService<IdleMemoryTrim>();
        }

        return services;
    }
}
