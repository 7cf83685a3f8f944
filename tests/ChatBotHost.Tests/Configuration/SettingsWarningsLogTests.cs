using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Tests.Configuration;

/// <summary>What the settings check lets through but an operator should see is logged once, at start.</summary>
public sealed class SettingsWarningsLogTests
{
    private static readonly BotCatalog Catalog = new([new BotBuilder().Profile("echo", "Echo").Build("Echo")]);

    [Fact]
    public async Task StartAsync_MisspelledHostKey_LogsAWarningNamingIt()
    {
        var logged = await StartAsync(("ChatBotHost:Fetch:IdelDelay", "00:00:01"));

        var warning = Assert.Single(logged);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("ChatBotHost:Fetch:IdelDelay is not a setting of the host", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SectionOfAnUndeclaredBot_LogsAWarningListingTheDeclaredBots()
    {
        var logged = await StartAsync(("ChatBotHost:Bots:ecko:BotToken", "token"));

        var warning = Assert.Single(logged);
        Assert.Equal("ChatBotHost:Bots:ecko configures no declared bot and is ignored; the declared bots are echo", warning.Message);
        Assert.DoesNotContain("token", warning.Message.Replace("BotToken", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_KnownKeysOnly_LogsNothing()
    {
        Assert.Empty(await StartAsync(("ChatBotHost:Bots:echo:BotToken", "token"), ("ChatBotHost:Fetch:IdleDelay", "00:00:01")));
    }

    [Fact]
    public async Task StartAsync_WaitForReplicasWithoutRedis_LogsThatItIsIgnored()
    {
        var warning = Assert.Single(await StartAsync(("ChatBotHost:Redis:WaitForReplicas", "1")));

        Assert.Equal("ChatBotHost:Redis:WaitForReplicas is ignored: without ChatBotHost:Redis:Configuration state is in memory, with no replica to wait for", warning.Message);
        Assert.Empty(await StartAsync(("ChatBotHost:Redis:WaitForReplicas", "1"), ("ChatBotHost:Redis:Configuration", "localhost:6379")));
        Assert.Empty(await StartAsync(("ChatBotHost:Redis:WaitForReplicas", "0")));
    }

    private static async Task<List<(LogLevel Level, string Message)>> StartAsync(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var report = SettingsCheck.Run(configuration.GetSection(ChatBotHostOptions.SectionName));
        var logger = new RecordingLogger();
        await new SettingsWarningsLog(report, Catalog, configuration, logger).StartAsync(CancellationToken.None);
        return logger.Entries;
    }

    private sealed class RecordingLogger : ILogger<SettingsWarningsLog>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
