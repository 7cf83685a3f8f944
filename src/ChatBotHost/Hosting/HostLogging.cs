using ChatBotHost.Operations.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Hosting;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace ChatBotHost.Hosting;

/// <summary>
/// Serilog from the "Serilog" configuration section: levels and enrichers from there, its sinks (or a readable console,
/// or compact JSON lines with ChatBotHost:LogFormat=json) behind a redactor that masks every secret the host knows of.
/// </summary>
internal static class HostLogging
{
    public const string FormatKey = "ChatBotHost:LogFormat";
    private const string Section = "Serilog";
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void AddHostLogging(this WebApplicationBuilder builder)
    {
        // Serilog would end the host with a stack trace on an unknown level; this names the key (exit code 2).
        Configuration.LogLevelSettingsCheck.Run(builder.Configuration).ThrowIfFailed();
        var secrets = new SecretValues();
        var configured = HostSecrets.FromConfiguration(builder.Configuration).ToArray();
        secrets.Add(() => configured);
        var mask = new SecretMask(secrets);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton(mask);

        var outer = new LoggerConfiguration()
            .ReadFrom.Configuration(Part(builder.Configuration, sinks: false), ReaderOptions())
            .Enrich.With(new RedactionEnricher(mask));

        // These categories print request URLs, and ours carry secrets: the webhook code of the portal URL and the
        // per-bot secret of the webhook endpoint. They stay at Warning whatever the configuration says.
        outer.MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning);
        outer.MinimumLevel.Override("Microsoft.AspNetCore.Routing", LogEventLevel.Warning);
        outer.MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning);

        // Data Protection warns "No XML encryptor configured" whenever it creates a key without a certificate, on every
        // host with Redis, also one that holds no OAuth tokens. The host says it itself, once and only where it matters
        // (OAuth.UnprotectedKeyRingWarning: application mode without ChatBotHost:DataProtection:CertificatePath).
        outer.MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogEventLevel.Error);

        // A port in use fails start-up; Program says so in one line with the setting to change, so the host's own
        // "Hosting failed to start" with the stack trace would only repeat it louder.
        outer.Filter.ByExcluding(e => e.Exception is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException });

        var sinks = new LoggerConfiguration().MinimumLevel.Verbose().ReadFrom.Configuration(Part(builder.Configuration, sinks: true), ReaderOptions());
        if (!builder.Configuration.GetSection($"{Section}:WriteTo").Exists())
        {
            if (string.Equals(builder.Configuration[FormatKey], "json", StringComparison.OrdinalIgnoreCase))
            {
                sinks.WriteTo.Console(JsonFormatter());
            }
            else
            {
                sinks.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: TextTemplate);
            }
        }

        // Sinks put in the services before logging is set up (a test's capture) get the redacted events too.
        foreach (var extra in builder.Services.Where(d => d.ServiceType == typeof(ILogEventSink)).Select(d => d.ImplementationInstance).OfType<ILogEventSink>())
        {
            sinks.WriteTo.Sink(extra);
        }

        outer.WriteTo.Sink(new RedactingSink(sinks.CreateLogger(), mask));
        var logger = outer.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        // The request logging middleware writes to this logger (never to the static Log.Logger: tests run several hosts
        // in one process); the diagnostic context lets a request add properties to its one line.
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
        builder.Services.AddSingleton(new DiagnosticContext(logger));
        builder.Services.AddSingleton<IDiagnosticContext>(services => services.GetRequiredService<DiagnosticContext>());
    }

    /// <summary>
    /// Compact JSON (CLEF) for containers: one object per line, the message rendered (@m) for a reader of `docker logs`
    /// and the template's hash (@i) to group events by kind, trace and span ids (@tr, @sp) of the activity the event
    /// was written in, so a request's lines can be found by its trace id.
    /// </summary>
    public static ITextFormatter JsonFormatter() => new RenderedCompactJsonFormatter();

    /// <summary>
    /// The assemblies whose sinks and enrichers the section may name: Serilog's own and the console sink, plus whatever
    /// "Serilog:Using" names (loaded by name). Without this list the reader opens every DLL in the host's folder to look
    /// for "Serilog" in its name, which maps all of them into memory at start-up for nothing.
    /// </summary>
    private static ConfigurationReaderOptions ReaderOptions() =>
        new(typeof(Log).Assembly, typeof(ConsoleLoggerConfigurationExtensions).Assembly);

    /// <summary>
    /// The Serilog section split in two: levels and enrichers for the logger that filters and redacts, sinks for the
    /// logger behind the redactor, so no configured sink sees an event before its secrets are masked.
    /// </summary>
    private static IConfiguration Part(ConfigurationManager configuration, bool sinks)
    {
        // "Using" names the assemblies of sinks and enrichers alike, so both halves get it.
        static bool IsIn(string key, bool sinks) =>
            key.StartsWith($"{Section}:Using", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith($"{Section}:WriteTo", StringComparison.OrdinalIgnoreCase) == sinks;

        var values = configuration.GetSection(Section).AsEnumerable().Where(kv => kv.Value is not null && IsIn(kv.Key, sinks));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
