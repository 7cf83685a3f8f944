using OpenTelemetry.Metrics;
using Polly;
using OpenTelemetry.Trace;
using Quartz;
using Serilog;
using Serilog.Extensions.Hosting;
using Serilog.Formatting.Compact;
using StackExchange.Redis;

namespace ChatBotHost.StackFloor;

/// <summary>
/// The libraries, set up the way the host sets them up (the host's file named in each comment), so that what they cost
/// at idle is measured without anything of the host's own.
/// </summary>
internal static class FloorParts
{
    public const string TracingSource = "ChatBotHost.StackFloor";

    public static async Task AddLibrariesAsync(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var without = Without(configuration);

        // HostLogging: Serilog from configuration, a console sink in text, or compact JSON lines in a container.
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (!without.Contains("serilog"))
        {
            AddSerilog(builder);
        }

        // MetricsServices and TracingServices: runtime metrics for /metrics, ASP.NET Core spans and a source of our own.
        if (!without.Contains("opentelemetry"))
        {
            services.AddOpenTelemetry()
                .WithMetrics(m => m.AddRuntimeInstrumentation().AddPrometheusExporter())
                .WithTracing(t => t.AddSource(TracingSource).AddAspNetCoreInstrumentation());
        }

        // OAuthServerHttp: one client with a resilience pipeline (registered; used only by an installed application).
        if (!without.Contains("resilience"))
        {
            services.AddHttpClient("oauth").AddResilienceHandler("oauth-refresh", p => p.AddTimeout(TimeSpan.FromSeconds(20)));
        }

        // The portal client the pollers use, without loggers (its URLs carry secrets).
        if (!without.Contains("polling"))
        {
            services.AddHttpClient(PollLoop.HttpClientName).RemoveAllLoggers();
            services.AddHostedService<PollLoop>();
        }

        // SchedulingServices: Quartz with the in-memory store and the due-timer job every second (Timers:PollInterval).
        if (!without.Contains("quartz"))
        {
            services.AddQuartz(q => q.UseInMemoryStore());
            services.AddTransient<DueTimersJob>();
            services.AddHostedService<SchedulerStart>();
        }

        // StateServices and HealthServices: with Redis, one multiplexer and its health check.
        var health = services.AddHealthChecks();
        if (configuration["Floor:Redis"] is { Length: > 0 } redis)
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(redis);
            services.AddSingleton<IConnectionMultiplexer>(connection);
            health.AddRedis(connection);
        }
    }

    public static void UseLibraries(this WebApplication app)
    {
        var without = Without(app.Configuration);
        if (!without.Contains("serilog"))
        {
            app.UseSerilogRequestLogging(); // HostRequestLogging
        }

        if (!without.Contains("opentelemetry"))
        {
            app.MapPrometheusScrapingEndpoint(); // MetricsEndpoints
        }

        // What the pollers fetch: an empty Event.get page, as an idle portal answers.
        app.MapGet("/rest/imbot.v2.Event.get", () => Results.Json(new EventPage([], 0), EventPageJson.Default.EventPage));
    }

    /// <summary>
    /// Floor:Without, for measuring one library's share by hand: a comma-separated list of serilog, opentelemetry,
    /// resilience, polling, quartz. The benchmark leaves it empty.
    /// </summary>
    private static HashSet<string> Without(IConfiguration configuration) =>
        new((configuration["Floor:Without"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);

    private static void AddSerilog(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System", Serilog.Events.LogEventLevel.Warning);
        _ = string.Equals(configuration["Floor:LogFormat"], "json", StringComparison.OrdinalIgnoreCase)
            ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
            : logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        var serilog = logger.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog, dispose: true);
        services.AddSingleton<Serilog.ILogger>(serilog);
        services.AddSingleton(new DiagnosticContext(serilog));
        services.AddSingleton<IDiagnosticContext>(sp => sp.GetRequiredService<DiagnosticContext>());
    }
}
