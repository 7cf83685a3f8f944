using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Tests.Configuration;

public sealed class UserEventsSettingTests
{
    [Theory]
    [InlineData(EventMode.Fetch, true)]
    [InlineData(EventMode.Webhook, false)]
    public void Validate_WithUserEvents_NeedsFetchMode(EventMode mode, bool valid)
    {
        var catalog = new BotCatalog([new BotBuilder().Profile("probe", "Probe").Build("Probe")]);
        var options = new ChatBotHostOptions { Bots = { ["probe"] = new BotSettings { WithUserEvents = true, EventMode = mode } } };

        var result = new ChatBotHostOptionsValidator(catalog).Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage!.Contains("ChatBotHost:Bots:probe:WithUserEvents", StringComparison.Ordinal));
    }
}
