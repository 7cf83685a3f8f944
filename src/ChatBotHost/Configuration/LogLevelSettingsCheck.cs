namespace ChatBotHost.Configuration;

/// <summary>
/// Checks the levels of the "Serilog" section before Serilog reads them: Serilog throws on an unknown level, which would
/// end the host with a stack trace instead of the key and the levels it accepts. The sinks (Serilog:WriteTo) are
/// Serilog's to check.
/// </summary>
internal static class LogLevelSettingsCheck
{
    public const string SectionName = "Serilog";

    private static readonly SettingKind Level = SettingKind.OneOf(Enum.GetNames<Serilog.Events.LogEventLevel>());

    public static SettingsReport Run(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var minimumLevel = configuration.GetSection($"{SectionName}:MinimumLevel");

        // Serilog takes both shapes: "MinimumLevel": "Debug", or a section with Default and Override:{category}.
        var levels = new[] { minimumLevel, minimumLevel.GetSection("Default") }
            .Concat(minimumLevel.GetSection("Override").GetChildren())
            .Where(setting => setting.Value is not null);
        var errors = levels
            .Where(setting => !Level.Accepts(setting.Value!))
            .Select(setting => $"{setting.Path} must be {Level.Accepted}.")
            .ToList();
        return new SettingsReport(errors, []);
    }
}
