using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBotHost.Inbox;

/// <summary>Registers the durable inbox: the writer the intakes use, and this replica's workers.</summary>
internal static class InboxServices
{
    /// <summary>The inbox and its workers, as the host runs them.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddInboxWriter();
        services.TryAddSingleton<IQueuedEventDecoder, QueuedEventDecoder>();
        services.AddSingleton<InboxDeadLetters>();
        services.AddSingleton<InboxTurnRunner>();
        services.AddSingleton<InboxWorkers>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorkers>());
        return services;
    }

    /// <summary>Only what stores events (the test kit drains the in-memory inbox itself, without workers).</summary>
    public static IServiceCollection AddInboxWriter(this IServiceCollection services)
    {
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxWriter>();
        return services;
    }
}
