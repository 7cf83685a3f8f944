using ChatBotHost.Emulator.Limits;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Emulator;

/// <summary>How a BitrixEmulator listens and what its portal looks like.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The incoming-webhook secret in REST URLs; a random 16-character code when null.</summary>
    public string? WebhookCode { get; init; }

    /// <summary>The user who owns the incoming webhook (seeded as "John Smith").</summary>
    public int AdminUserId { get; init; } = 1;

    /// <summary>The per-portal request-rate limit; null (the default) never refuses a request for rate.</summary>
    public RateLimitOptions? RateLimit { get; init; }

    /// <summary>Clock for message and event dates, the rate limit's drain and injected delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Portal language reported in events.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Kestrel's and the emulator's logging; silent when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>How long one webhook POST to a bot may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The OAuth server (oauth.bitrix.info) this portal's application uses; share one between emulators to serve several portals from one host. A private one when null.</summary>
    public OAuth.OAuthServer? OAuthServer { get; init; }

    /// <summary>
    /// Methods an application (OAuth) may call only with the administrator's confirmation, per access token; more can
    /// be added at runtime with EmulatedPortal.RequireConfirmation. Incoming-webhook calls are never asked.
    /// </summary>
    public IReadOnlyCollection<string> MethodsRequiringConfirmation { get; init; } = [];

    /// <summary>Extra endpoints mapped into the emulator's web app (the local-mode chat page).</summary>
    public Action<IEndpointRouteBuilder>? ConfigureEndpoints { get; init; }
}
