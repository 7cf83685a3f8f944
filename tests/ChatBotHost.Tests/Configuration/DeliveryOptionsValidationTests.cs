using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Configuration;

public sealed class DeliveryOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new ChatBotHostOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(2, options.RateLimit.DrainPerSecond);
        Assert.Equal(50, options.RateLimit.Burst);
        Assert.Equal(50, options.SendQueue.MaxBatchSize);
    }

    [Fact]
    public void Bind_OutboxSection_SetsTheSendQueueOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatBotHost:Outbox:MaxBatchSize"] = "7" })
            .Build();

        var options = new ChatBotHostOptions();
        configuration.GetSection(ChatBotHostOptions.SectionName).Bind(options);

        Assert.Equal(7, options.SendQueue.MaxBatchSize);
    }

    [Theory]
    [InlineData(0, 50, "ChatBotHost:RateLimit:DrainPerSecond")]
    [InlineData(-2, 50, "ChatBotHost:RateLimit:DrainPerSecond")]
    [InlineData(double.PositiveInfinity, 50, "ChatBotHost:RateLimit:DrainPerSecond")]
    [InlineData(2, 0, "ChatBotHost:RateLimit:Burst")]
    public void Validate_BadRateLimit_NamesTheKey(double drain, int burst, string key)
    {
        var options = new ChatBotHostOptions { RateLimit = { DrainPerSecond = drain, Burst = burst } };

        Assert.Contains(key, Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, 8, "ChatBotHost:Outbox:MaxBatchSize")]
    [InlineData(51, 4, 8, "ChatBotHost:Outbox:MaxBatchSize")]
    [InlineData(50, 0, 8, "ChatBotHost:Outbox:MaxConcurrentRequests")]
    [InlineData(50, 17, 8, "ChatBotHost:Outbox:MaxConcurrentRequests")]
    [InlineData(50, 4, 0, "ChatBotHost:Outbox:MaxAttempts")]
    public void Validate_BadSendQueueLimits_NameTheKey(int batch, int concurrent, int attempts, string key)
    {
        var options = new ChatBotHostOptions { SendQueue = { MaxBatchSize = batch, MaxConcurrentRequests = concurrent, MaxAttempts = attempts } };

        Assert.Contains(key, Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FirstRetryLongerThanTheLongest_NamesBothKeys()
    {
        var options = new ChatBotHostOptions { SendQueue = { FirstRetryDelay = TimeSpan.FromMinutes(2), MaxRetryDelay = TimeSpan.FromMinutes(1) } };

        var message = Validate(options).FailureMessage;

        Assert.Contains("ChatBotHost:Outbox:FirstRetryDelay", message, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:Outbox:MaxRetryDelay", message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(ChatBotHostOptions options) =>
        new ChatBotHostOptionsValidator(new BotCatalog([])).Validate(null, options);
}
