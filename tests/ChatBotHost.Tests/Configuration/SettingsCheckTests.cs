using ChatBotHost.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Configuration;

/// <summary>Each kind of value the host reads is checked on its raw string, with the key and the accepted values named.</summary>
public sealed class SettingsCheckTests
{
    [Theory]
    [InlineData("ChatBotHost:Bots:echo:EventMode", "carrier-pigeon", "one of: fetch, webhook")]
    [InlineData("ChatBotHost:Bots:echo:EventMode", "1", "one of: fetch, webhook")]
    [InlineData("ChatBotHost:Bots:echo:EventMode", "Fetch, Webhook", "one of: fetch, webhook")]
    [InlineData("ChatBotHost:LogFormat", "jsn", "one of: text, json")]
    public void Run_BadEnumValue_NamesTheKeyAndTheAcceptedNames(string key, string value, string accepted)
    {
        var error = Assert.Single(Check((key, value)).Errors);

        Assert.StartsWith(key + " must be ", error, StringComparison.Ordinal);
        Assert.Contains(accepted, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatBotHost:Fetch:IdleDelay", "banana")]
    [InlineData("ChatBotHost:Inbox:ClaimLease", "30s")]
    [InlineData("ChatBotHost:OAuth:KeepAliveAfter", "150 days")]
    [InlineData("ChatBotHost:ShutdownTimeout", "00:00:99")]
    public void Run_BadDuration_NamesTheKeyTheFormatAndTheDefault(string key, string value)
    {
        var error = Assert.Single(Check((key, value)).Errors);

        Assert.StartsWith(key + " must be a duration written [d.]hh:mm:ss", error, StringComparison.Ordinal);
        Assert.Contains("(default ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatBotHost:Fetch:BatchSize", "1.5")]
    [InlineData("ChatBotHost:Inbox:Workers", "many")]
    [InlineData("ChatBotHost:Outbox:MaxAttempts", "99999999999")]
    public void Run_BadWholeNumber_NamesTheKey(string key, string value)
    {
        var error = Assert.Single(Check((key, value)).Errors);

        Assert.StartsWith(key + " must be a whole number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2,5")]
    [InlineData("two")]
    public void Run_BadNumber_NamesTheKeyAndTheDecimalPoint(string value)
    {
        var error = Assert.Single(Check(("ChatBotHost:RateLimit:DrainPerSecond", value)).Errors);

        Assert.StartsWith("ChatBotHost:RateLimit:DrainPerSecond must be a number written with a '.'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatBotHost:Bots:counter:Enabled", "no")]
    [InlineData("ChatBotHost:Bots:counter:Enabled", "0")]
    [InlineData("ChatBotHost:LocalMode", "yes")]
    public void Run_BadBoolean_NamesTheKey(string key, string value)
    {
        var error = Assert.Single(Check((key, value)).Errors);

        Assert.StartsWith(key + " must be true or false", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abortConnect=banana")]
    [InlineData("localhost:notaport")]
    public void Run_BadRedisConfiguration_NamesTheKeyWithoutEchoingTheValue(string value)
    {
        var error = Assert.Single(Check(("ChatBotHost:Redis:Configuration", value)).Errors);

        Assert.StartsWith("ChatBotHost:Redis:Configuration must be a StackExchange.Redis configuration string", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadValue_DoesNotRepeatTheValue()
    {
        const string pasted = "0123456789abcdef0123456789abcdef";

        var error = Assert.Single(Check(("ChatBotHost:Bots:echo:EventMode", pasted)).Errors);

        Assert.DoesNotContain(pasted, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeveralBadValues_ReportsEveryOne()
    {
        var report = Check(("ChatBotHost:Bots:echo:EventMode", "x"), ("ChatBotHost:Fetch:IdleDelay", "x"), ("ChatBotHost:Fetch:BatchSize", "x"));

        Assert.Equal(3, report.Errors.Count);
    }

    [Fact]
    public void Run_EmptyDuration_SaysToRemoveItForTheDefault()
    {
        var error = Assert.Single(Check(("ChatBotHost:Fetch:IdleDelay", "")).Errors);

        Assert.Equal("ChatBotHost:Fetch:IdleDelay is empty; remove it to keep the default (00:00:10), or set it to a duration written [d.]hh:mm:ss[.fffffff], e.g. 00:00:10 for ten seconds.", error);
    }

    [Fact]
    public void Run_ValueWhereASectionBelongs_IsAnError()
    {
        var error = Assert.Single(Check(("ChatBotHost:Bots:echo", "fetch")).Errors);

        Assert.StartsWith("ChatBotHost:Bots:echo is a section, not a single value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataProtectionCertificate_IsAKnownSetting()
    {
        var report = Check(("ChatBotHost:DataProtection:CertificatePath", "/run/secrets/keyring.pfx"), ("ChatBotHost:DataProtection:CertificatePassword", "pfx-password"));

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Run_ComposeConfiguration_IsAccepted()
    {
        // docker/compose.yaml's host environment as a user's shell fills it (PUBLIC_URL left empty).
        var report = Check(
            ("ChatBotHost:Portal:WebhookUrl", "https://portal.bitrix24.com/rest/1/abc123/"),
            ("ChatBotHost:PublicUrl", ""),
            ("ChatBotHost:Redis:Configuration", "redis:6379,abortConnect=false"),
            ("ChatBotHost:Bots:echo:BotToken", "0123456789abcdef0123456789abcdef"),
            ("ChatBotHost:Bots:echo:EventMode", "fetch"),
            ("ChatBotHost:Bots:counter:Enabled", "false"),
            ("ChatBotHost:Bots:helpdesk:Enabled", "False"),
            ("ChatBotHost:Bots:reminder:Enabled", "false"),
            ("ChatBotHost:LogFormat", "json"));

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Run_EveryValueItAccepts_Binds()
    {
        // The check must be at least as strict as the binder: what it lets through, the binder converts.
        var values = new[]
        {
            ("ChatBotHost:Bots:echo:EventMode", " Webhook "),
            ("ChatBotHost:Bots:echo:Enabled", "TRUE"),
            ("ChatBotHost:LocalMode", ""),
            ("ChatBotHost:Fetch:IdleDelay", "1.02:03:04.5"),
            ("ChatBotHost:Fetch:BatchSize", "-7"),
            ("ChatBotHost:RateLimit:DrainPerSecond", "0.5"),
            ("ChatBotHost:Redis:Configuration", "localhost:6379,abortConnect=false"),
        };
        Assert.Empty(Check(values).Errors);

        var options = Configuration(values).GetSection(ChatBotHostOptions.SectionName).Get<ChatBotHostOptions>()!;

        Assert.Equal(EventMode.Webhook, options.Bots["echo"].EventMode);
        Assert.Null(options.LocalMode);
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), options.Fetch.IdleDelay);
        Assert.Equal(-7, options.Fetch.BatchSize);
        Assert.Equal(0.5, options.RateLimit.DrainPerSecond);
    }

    [Fact]
    public void Run_BotsOwnSettings_AreNeitherCheckedNorWarned()
    {
        // Only the bot knows ChatBotHost:Bots:helpdesk:ReminderAfter; the host leaves it to the bot.
        var report = Check(("ChatBotHost:Bots:helpdesk:ReminderAfter", "00:05:00"), ("ChatBotHost:Bots:helpdesk:Anything", "x"));

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Run_MisspelledHostKey_IsAWarningListingTheKnownKeys()
    {
        var report = Check(("ChatBotHost:Fetch:IdelDelay", "00:00:01"));

        Assert.Empty(report.Errors);
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("ChatBotHost:Fetch:IdelDelay is not a setting of the host", warning, StringComparison.Ordinal);
        Assert.Contains("IdleDelay", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfFailed_Errors_ThrowsTheExceptionProgramPrintsWithEveryError()
    {
        var report = Check(("ChatBotHost:Bots:echo:EventMode", "x"), ("ChatBotHost:Fetch:IdleDelay", "x"));

        var thrown = Assert.Throws<OptionsValidationException>(report.ThrowIfFailed);

        Assert.Equal(report.Errors, thrown.Failures);
    }

    private static SettingsReport Check(params (string Key, string Value)[] values) =>
        SettingsCheck.Run(Configuration(values).GetSection(ChatBotHostOptions.SectionName));

    private static IConfigurationRoot Configuration(IEnumerable<(string Key, string Value)> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
