using ChatBotHost.Configuration;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Delivery;

/// <summary>Registers the delivery side: the outbox, its flush at shutdown, and the portal's rate limiter.</summary>
internal static class DeliveryServices
{
    /// <summary>
    /// The outbox every turn sends through. It needs the state stores (sent ledger, dead letters) and a client source;
    /// the pipeline registers it, so the test kit gets it too.
    /// </summary>
    public static IServiceCollection AddSendQueue(this IServiceCollection services)
    {
        services.TryAddSingleton<RequestSender>();
        services.TryAddSingleton(sp => new SendRecords(
            sp.GetRequiredService<ISentLedger>(),
            sp.GetRequiredService<IDeadLetterStore>(),
            TimeOf(sp),
            sp.GetRequiredService<ILogger<SendRecords>>()));
        // The limiter is there in the host (AddDelivery) and absent in the test kit, whose recording portal has no bucket.
        services.TryAddSingleton(sp => new SendQueue(
            sp.GetRequiredService<RequestSender>(),
            sp.GetRequiredService<SendRecords>(),
            sp.GetRequiredService<IOptions<ChatBotHostOptions>>(),
            TimeOf(sp),
            sp.GetService<PortalRateLimiter>()));
        services.TryAddSingleton<ISendQueue>(sp => sp.GetRequiredService<SendQueue>());
        return services;
    }

    /// <summary>
    /// The host's delivery: the outbox flushed at shutdown, and the call pipeline every portal client takes, with the
    /// portal's rate limiter, the one retry policy and the portal suspensions.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSendQueue();
        services.TryAddSingleton(sp => new PortalRateLimiter(
            sp.GetRequiredService<IRateLimitStore>(),
            sp.GetRequiredService<IOptions<ChatBotHostOptions>>().Value.RateLimit.ToLimit(),
            TimeOf(sp),
            sp.GetRequiredService<ILogger<PortalRateLimiter>>(),
            sp.GetService<Operations.Metrics.HostMetrics>()));
        services.TryAddSingleton(sp => new PortalSuspensions(TimeOf(sp), sp.GetRequiredService<ILogger<PortalSuspensions>>(), sp.GetService<Operations.Metrics.HostMetrics>()));
        services.TryAddSingleton(sp => new PortalRetryPolicy(sp.GetRequiredService<IOptions<ChatBotHostOptions>>().Value.SendQueue, TimeOf(sp)));
        services.TryAddSingleton(sp => new CallPipeline(
            sp.GetRequiredService<PortalRetryPolicy>(),
            sp.GetRequiredService<PortalRateLimiter>(),
            sp.GetRequiredService<PortalSuspensions>(),
            sp.GetService<Operations.Metrics.HostMetrics>(),
            sp.GetRequiredService<ILogger<CallPipeline>>()));
        services.AddHostedService<SendQueueFlushService>();
        return services;
    }

    private static TimeProvider TimeOf(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
