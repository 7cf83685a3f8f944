using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Configuration;

/// <summary>ChatBotHost:Redis:WaitForReplicas and WaitForReplicasTimeout: off by default, checked at start-up by key.</summary>
public sealed class RedisOptionsValidationTests
{
    [Fact]
    public void Defaults_AreOff_WithAHalfSecondTimeout_AndValid()
    {
        var options = new ChatBotHostOptions();

        Assert.Equal(0, options.Redis.WaitForReplicas);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Redis.WaitForReplicasTimeout);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Bind_RedisSection_SetsBothSettings()
    {
        var options = Bind(("ChatBotHost:Redis:WaitForReplicas", "1"), ("ChatBotHost:Redis:WaitForReplicasTimeout", "00:00:00.250"));

        Assert.Equal(1, options.Redis.WaitForReplicas);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Redis.WaitForReplicasTimeout);
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(-1, 500, "ChatBotHost:Redis:WaitForReplicas ")]
    [InlineData(11, 500, "ChatBotHost:Redis:WaitForReplicas ")]
    [InlineData(1, 0, "ChatBotHost:Redis:WaitForReplicasTimeout")]
    [InlineData(1, -5, "ChatBotHost:Redis:WaitForReplicasTimeout")]
    [InlineData(1, 2001, "ChatBotHost:Redis:WaitForReplicasTimeout")]
    public void Validate_OutOfRange_NamesTheKey(int replicas, int timeoutMilliseconds, string key)
    {
        var options = new ChatBotHostOptions { Redis = { WaitForReplicas = replicas, WaitForReplicasTimeout = TimeSpan.FromMilliseconds(timeoutMilliseconds) } };

        var failure = Assert.Single(Validate(options).Failures!);

        Assert.StartsWith(key, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatBotHost:Redis:WaitForReplicas", "lots", "must be a whole number")]
    [InlineData("ChatBotHost:Redis:WaitForReplicasTimeout", "500ms", "must be a duration")]
    public void SettingsCheck_UnreadableValue_NamesTheKey(string key, string value, string expected)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build()
            .GetSection(ChatBotHostOptions.SectionName);

        var error = Assert.Single(SettingsCheck.Run(section).Errors);

        Assert.StartsWith($"{key} {expected}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.Ordinal);
    }

    private static ChatBotHostOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value))
            .Build();
        var options = new ChatBotHostOptions();
        configuration.GetSection(ChatBotHostOptions.SectionName).Bind(options);
        return options;
    }

    private static ValidateOptionsResult Validate(ChatBotHostOptions options) =>
        new ChatBotHostOptionsValidator(new BotCatalog([])).Validate(null, options);
}
