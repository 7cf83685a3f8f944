using Serilog;
using Serilog.Events;

namespace ChatBotHost.Hosting;

/// <summary>Serilog from the "Serilog" configuration section, with a readable console when none is configured.</summary>
internal static class HostLogging
{
    public static void AddHostLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration);
        if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
        {
            configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }

        // These categories print request URLs, and ours carry secrets: the webhook code of the portal URL and the
        // per-bot secret of the webhook endpoint. They stay at Warning whatever the configuration says.
        configuration.MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning);
        configuration.MinimumLevel.Override("Microsoft.AspNetCore.Routing", LogEventLevel.Warning);
        configuration.MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning);

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
