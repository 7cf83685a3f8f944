using ChatBotHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatBotHost.Tests.Configuration;

/// <summary>Serilog's levels are checked before Serilog reads them, so a bad one is named instead of crashing the host.</summary>
public sealed class LogLevelSettingsCheckTests
{
    [Theory]
    [InlineData("Serilog:MinimumLevel", "Loud")]
    [InlineData("Serilog:MinimumLevel:Default", "Info")]
    [InlineData("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "quiet")]
    public void Run_UnknownLevel_NamesTheKeyAndTheLevels(string key, string value)
    {
        var error = Assert.Single(Check((key, value)).Errors);

        Assert.Equal($"{key} must be one of: Verbose, Debug, Information, Warning, Error, Fatal.", error);
    }

    [Fact]
    public void Run_KnownLevelsInAnyCase_Pass()
    {
        var report = Check(
            ("Serilog:MinimumLevel:Default", "warning"),
            ("Serilog:MinimumLevel:Override:Quartz", "Error"),
            ("Serilog:WriteTo:0:Name", "Console"));

        Assert.Empty(report.Errors);
    }

    private static SettingsReport Check(params (string Key, string Value)[] values) =>
        LogLevelSettingsCheck.Run(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
