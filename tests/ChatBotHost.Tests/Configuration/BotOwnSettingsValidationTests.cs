using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatBotHost.Tests.Configuration;

/// <summary>A bot that declares its settings class has them checked at start-up like the host's own.</summary>
public sealed class BotOwnSettingsValidationTests
{
    private const string Portal = "https://portal.bitrix24.com/rest/1/secretcode123/";

    [Fact]
    public void Validate_BadValueOfADeclaredBotSetting_NamesTheKeyAndTheFormat()
    {
        var result = Validate(WithSettings(), ("ChatBotHost:Bots:desk:ReminderAfter", "ten minutes"));

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("ChatBotHost:Bots:desk:ReminderAfter must be a duration", failure, StringComparison.Ordinal);
        Assert.Contains("(default 00:10:00)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValueOfADisabledBotsSetting_IsStillNamed()
    {
        var result = Validate(WithSettings(), ("ChatBotHost:Bots:desk:Enabled", "false"), ("ChatBotHost:Bots:desk:Mood", "grumpy"));

        Assert.Contains("ChatBotHost:Bots:desk:Mood must be one of: calm, cheerful", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodValuesAndTheHostsKeys_Succeed()
    {
        var result = Validate(WithSettings(), ("ChatBotHost:Bots:desk:ReminderAfter", "00:05:00"), ("ChatBotHost:Bots:desk:Mood", "Cheerful"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BotWithoutDeclaredSettings_LeavesItsOwnKeysToIt()
    {
        var plain = new BotBuilder().Profile("desk", "Desk").Build("Desk");

        Assert.True(Validate(plain, ("ChatBotHost:Bots:desk:ReminderAfter", "ten minutes")).Succeeded);
    }

    [Fact]
    public void SettingsBuilder_DeclaresTheTypeOnTheDefinition()
    {
        Assert.Equal(typeof(DeskSettings), WithSettings().SettingsType);
    }

    private static BotDefinition WithSettings() => new BotBuilder().Profile("desk", "Desk").Settings<DeskSettings>().Build("Desk");

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(BotDefinition bot, params (string Key, string Value)[] values)
    {
        var all = values.Append(("ChatBotHost:Portal:WebhookUrl", Portal)).Append(("ChatBotHost:Bots:desk:BotToken", "desktoken"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(all.Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2)))
            .Build();
        var options = configuration.GetSection(ChatBotHostOptions.SectionName).Get<ChatBotHostOptions>()!;
        return new ChatBotHostOptionsValidator(new BotCatalog([bot]), local: null, configuration).Validate(null, options);
    }

    public enum DeskMood
    {
        Calm,
        Cheerful,
    }

    public sealed class DeskSettings
    {
        public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromMinutes(10);

        public DeskMood Mood { get; set; }
    }
}
