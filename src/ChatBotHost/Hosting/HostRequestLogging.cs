using ChatBotHost.Operations.Health;
using ChatBotHost.Operations.Logging;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Registration;
using Serilog;
using Serilog.Events;

namespace ChatBotHost.Hosting;

/// <summary>
/// One log line per HTTP request (Serilog's request logging): method, the route template of the endpoint that took it
/// (or, with no endpoint, the path with its secrets masked), status and elapsed milliseconds, written inside the
/// request's activity so it carries the request's trace id.
/// </summary>
internal static class HostRequestLogging
{
    public const string Template = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    // Paths that are called all the time when all is well: Bitrix24's webhook posts (one per message of every user
    // talking to a webhook-mode bot, thousands a minute on a busy portal, each already traced by the inbox and the
    // pipeline), the orchestrator's health probes and Prometheus' scrapes, the local chat page's polling. Their
    // successful requests are logged at Debug so that they do not drown the log at Information; a failure is not.
    private static readonly string[] Routine =
    [
        WebhookAddress.RoutePrefix,
        HealthEndpoints.LivePath,
        HealthEndpoints.ReadyPath,
        MetricsEndpoints.Path,
        Emulator.Chat.EmulatorChatEndpoints.DefaultPrefix,
    ];

    public static IApplicationBuilder UseHostRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        var mask = app.Services.GetRequiredService<SecretMask>();
        return app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = Template;
            options.GetLevel = Level;
            options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(PathOf(http, path, mask))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
    }

    /// <summary>
    /// The endpoint's route template ("/bitrix/events/{botCode}/{secret}"): it never holds the secret the path does.
    /// A request no endpoint took (404, or refused before routing) shows its path, masked as any text in a log is.
    /// </summary>
    private static string PathOf(HttpContext http, string path, SecretMask mask) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : mask.Apply(path);

    private static LogEventLevel Level(HttpContext http, double elapsed, Exception? exception)
    {
        var status = http.Response.StatusCode;
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        var path = http.Request.Path;
        return status < StatusCodes.Status400BadRequest && Routine.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }
}
