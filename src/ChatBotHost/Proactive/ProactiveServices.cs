using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBotHost.Proactive;

/// <summary>Registers the proactive-message service and the API key check of its endpoint.</summary>
internal static class ProactiveServices
{
    public static IServiceCollection AddProactiveMessages(this IServiceCollection services)
    {
        // The directory is resolved on first send, not here: see InboxBotMessenger's remarks.
        services.TryAddSingleton<IBotMessenger>(sp => new InboxBotMessenger(
            new Lazy<BotDirectory>(sp.GetRequiredService<BotDirectory>),
            sp.GetRequiredService<InboxWriter>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ApiKeyCheck>();
        return services;
    }
}
