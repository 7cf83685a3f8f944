using ChatBotHost.Abstractions.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBotHost.Proactive;

/// <summary>Registers the proactive-message service and the API key check of its endpoint.</summary>
internal static class ProactiveServices
{
    public static IServiceCollection AddProactiveMessages(this IServiceCollection services)
    {
        services.TryAddSingleton<IBotMessenger, InboxBotMessenger>();
        services.TryAddSingleton<ApiKeyCheck>();
        return services;
    }
}
