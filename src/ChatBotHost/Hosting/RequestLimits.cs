using ChatBotHost.Intake.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ChatBotHost.Hosting;

/// <summary>
/// Every limit the web server puts on a request, in one place. The host is reachable from the internet (Bitrix24 posts
/// to it), so each limit is set for what its senders really need rather than left at Kestrel's defaults, which are
/// sized for general web sites (30 MB bodies, 130 s idle connections).
/// </summary>
internal static class RequestLimits
{
    /// <summary>
    /// The longest any request may take, reading included. The slowest legitimate work behind a public endpoint is an
    /// install (one OAuth refresh and one event.bind, each bounded by its client's timeout); a webhook's store gives up
    /// after a few seconds by itself. Past this the request's token is cancelled and it is answered 503.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => Apply(kestrel.Limits));
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        return builder;
    }

    /// <summary>
    /// The timeouts, then the answers to refused bodies and to a state store that is down; before the endpoints, which
    /// read the bodies and call the store.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseRequestTimeouts();
        app.UseMiddleware<StoreUnavailableMiddleware>();
        app.UseMiddleware<BodyRejectionMiddleware>();
        return app;
    }

    public static void Apply(KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // The largest body any endpoint takes (a webhook event); each endpoint lowers it for itself (installs: 64 KiB).
        limits.MaxRequestBodySize = BodyLimits.LargestBytes;

        // Bitrix24's servers and a browser send their headers at once; 10 s (default 30) lets a connection that
        // dribbles them hold a socket for less.
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);

        // Slow senders: a body must arrive at 1 KiB/s on average after a 5 s grace (default 240 B/s); one that keeps
        // just above it is still cut off by RequestTimeout. Bitrix24 posts far faster.
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(5));

        // The client must take the answer at the same floor: answers are small, so only a stalled reader trips it.
        limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(5));

        // A POST from Bitrix24 carries about ten headers, a browser about twenty, a proxy adds a few. 64 (default 100)
        // and 32 KiB in all (the default, room for a browser's cookies on localhost) cap what one request makes us parse.
        limits.MaxRequestHeaderCount = 64;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;

        // The longest URL is a webhook address (prefix, portal, bot code, 48-character secret): far below 8 KiB.
        limits.MaxRequestLineSize = 8 * 1024;

        // An idle kept-alive connection is dropped after 75 s (default 130): longer than the usual load balancer idle
        // timeout (60 s), so the balancer closes first and never sends on a connection we are closing.
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(75);
    }
}
