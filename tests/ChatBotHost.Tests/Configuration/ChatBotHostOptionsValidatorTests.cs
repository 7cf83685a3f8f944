using System.Runtime.CompilerServices;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Configuration;

public sealed class ChatBotHostOptionsValidatorTests
{
    private const string Portal = "https://portal.bitrix24.com/rest/1/secretcode123/";
    private static readonly BotCatalog Catalog = new([Definition("alpha"), Definition("beta")]);

    [Fact]
    public void Validate_ValidRealPortalConfiguration_Succeeds()
    {
        Assert.True(Validate(Options(Portal)).Succeeded);
    }

    [Fact]
    public void Validate_HttpPortalUrl_IsAccepted()
    {
        Assert.True(Validate(Options("http://localhost:8080/rest/1/abc/")).Succeeded);
    }

    [Fact]
    public void Validate_TokenOver40Characters_NamesTheBotsTokenKeyWithoutEchoingTheToken()
    {
        var token = new string('x', 41);
        var options = Options(Portal);
        options.Bots["alpha"].BotToken = token;

        var result = Validate(options);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("ChatBotHost:Bots:alpha:BotToken", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenWithSpace_IsRejected()
    {
        var options = Options(Portal);
        options.Bots["beta"].BotToken = "abc def";

        Assert.Contains("ChatBotHost:Bots:beta:BotToken", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PortalSetAndTokenMissing_NamesTheBotsTokenKey()
    {
        var options = Options(Portal);
        options.Bots.Remove("beta");

        var failure = Assert.Single(Validate(options).Failures!);
        Assert.Contains("ChatBotHost:Bots:beta:BotToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DisabledBotWithoutToken_Succeeds()
    {
        var options = Options(Portal);
        options.Bots["beta"] = new BotSettings { Enabled = false };

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_WebhookModeWithoutPublicUrl_NamesPublicUrl()
    {
        var options = Options(Portal);
        options.Bots["alpha"].EventMode = EventMode.Webhook;

        var failure = Assert.Single(Validate(options).Failures!);
        Assert.Contains("ChatBotHost:PublicUrl", failure, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:Bots:alpha:EventMode", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhookModeWithPublicUrl_Succeeds()
    {
        var options = Options(Portal);
        options.Bots["alpha"].EventMode = EventMode.Webhook;
        options.PublicUrl = "https://bots.example.com/";

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_RelativePublicUrl_NamesPublicUrl()
    {
        var options = Options(Portal);
        options.PublicUrl = "bots.example.com";

        Assert.Contains("ChatBotHost:PublicUrl", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://portal.bitrix24.com/rest/1/secretcode123/")]
    [InlineData("https://portal.bitrix24.com/api/1/secretcode123/")]
    [InlineData("https://portal.bitrix24.com/rest/secretcode123/")]
    [InlineData("portal.bitrix24.com/rest/1/secretcode123/")]
    public void Validate_MalformedWebhookUrl_NamesTheKeyWithoutEchoingTheSecret(string url)
    {
        var failure = Assert.Single(Validate(Options(url)).Failures!);

        Assert.Contains("ChatBotHost:Portal:WebhookUrl", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secretcode123", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validate_FetchBatchSize_MustBeWithin1To1000(int batchSize, bool valid)
    {
        var options = Options(Portal);
        options.Fetch.BatchSize = batchSize;

        var result = Validate(options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("ChatBotHost:Fetch:BatchSize", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NonPositiveDelays_NameTheirKeys()
    {
        var options = Options(Portal);
        options.Fetch.IdleDelay = TimeSpan.Zero;
        options.Fetch.BusyDelay = TimeSpan.FromSeconds(-1);
        options.Fetch.MaxBackoff = TimeSpan.Zero;

        var message = Validate(options).FailureMessage;

        Assert.Contains("ChatBotHost:Fetch:IdleDelay", message, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:Fetch:BusyDelay", message, StringComparison.Ordinal);
        Assert.Contains("ChatBotHost:Fetch:MaxBackoff", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalModeWithoutTokensOrPublicUrl_Succeeds()
    {
        var options = new ChatBotHostOptions { Portal = { WebhookUrl = "http://127.0.0.1:5000/rest/1/emulator/" } };
        options.Bots["alpha"] = new BotSettings { EventMode = EventMode.Webhook };

        var result = new ChatBotHostOptionsValidator(Catalog, LocalMode()).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_LocalModeWithTooLongToken_StillRejectsIt()
    {
        var options = new ChatBotHostOptions();
        options.Bots["alpha"] = new BotSettings { BotToken = new string('x', 41) };

        var result = new ChatBotHostOptionsValidator(Catalog, LocalMode()).Validate(null, options);

        Assert.Contains("ChatBotHost:Bots:alpha:BotToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BotJobWithInvalidCron_NamesBotJobAndExpression()
    {
        var withJob = new BotBuilder().Profile("alpha", "alpha")
            .Every("digest", "every morning", (_, _, _) => Task.CompletedTask)
            .Build("alpha");

        var result = new ChatBotHostOptionsValidator(new BotCatalog([withJob])).Validate(null, Options(Portal));

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("alpha", failure, StringComparison.Ordinal);
        Assert.Contains("'digest'", failure, StringComparison.Ordinal);
        Assert.Contains("'every morning'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimerPollIntervalZero_NamesTheKey()
    {
        var options = Options(Portal);
        options.Timers.PollInterval = TimeSpan.Zero;

        Assert.Contains("ChatBotHost:Timers:PollInterval", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadInboxAndShutdownSettings_NameTheirKeys()
    {
        var options = Options(Portal);
        options.Inbox.Workers = 0;
        options.Inbox.ClaimLease = TimeSpan.FromMilliseconds(500);
        options.Inbox.MaxAttempts = 0;
        options.Fetch.PollerLease = TimeSpan.Zero;
        options.ShutdownTimeout = TimeSpan.Zero;

        var failures = Validate(options).Failures!;

        Assert.Equal(5, failures.Count());
        Assert.Contains(failures, f => f.Contains("ChatBotHost:Inbox:Workers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ChatBotHost:Inbox:ClaimLease", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ChatBotHost:Inbox:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ChatBotHost:Fetch:PollerLease", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ChatBotHost:ShutdownTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultInboxSettings_Succeed()
    {
        var options = Options(Portal);

        Assert.Equal(256, options.Inbox.Workers);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Inbox.ClaimLease);
        Assert.Equal(5, options.Inbox.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Fetch.PollerLease);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        Assert.True(Validate(options).Succeeded);
    }

    private static ValidateOptionsResult Validate(ChatBotHostOptions options) =>
        new ChatBotHostOptionsValidator(Catalog).Validate(null, options);

    private static ChatBotHostOptions Options(string portal)
    {
        var options = new ChatBotHostOptions { Portal = { WebhookUrl = portal } };
        options.Bots["alpha"] = new BotSettings { BotToken = "alphatoken" };
        options.Bots["beta"] = new BotSettings { BotToken = "betatoken" };
        return options;
    }

    // The validator only asks whether local mode is on; a LocalPortal's constructor is private and would start
    // an emulator, so an uninitialized instance stands in for it.
    private static LocalPortal LocalMode() => (LocalPortal)RuntimeHelpers.GetUninitializedObject(typeof(LocalPortal));

    private static BotDefinition Definition(string code) => new BotBuilder().Profile(code, code).Build(code);
}
