using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Operations.Logging;
using ChatBotHost.Proactive;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Proactive;

public sealed class ApiOptionsTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(null, true)]
    [InlineData(Key, true)]
    [InlineData("short-key", false)]
    [InlineData("                                    x", false)]
    public void Validate_ApiKey_IsUnsetOrAtLeast32Characters(string? key, bool valid)
    {
        var result = new ChatBotHostOptionsValidator(new BotCatalog([])).Validate(null, new ChatBotHostOptions { Api = { Key = key } });

        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.FailureMessage!.Contains("ChatBotHost:Api:Key", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_FromConfiguration_IncludeTheApiKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatBotHost:Api:Key"] = Key })
            .Build();

        Assert.Contains(Key, HostSecrets.FromConfiguration(configuration));
    }

    [Theory]
    [InlineData("Bearer " + Key, true)]
    [InlineData("bearer " + Key, true)]
    [InlineData("Bearer " + Key + "0", false)]
    [InlineData("Basic " + Key, false)]
    [InlineData(Key, false)]
    [InlineData("", false)]
    public void IsValid_ComparesTheBearerKey(string header, bool valid)
    {
        var check = new ApiKeyCheck(Options.Create(new ChatBotHostOptions { Api = { Key = Key } }));
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = header;

        Assert.Equal(valid, check.IsValid(http.Request));
    }

    [Fact]
    public void IsEnabled_WithoutAKey_IsFalseAndNothingIsValid()
    {
        var check = new ApiKeyCheck(Options.Create(new ChatBotHostOptions()));
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = "Bearer ";

        Assert.False(check.IsEnabled);
        Assert.False(check.IsValid(http.Request));
    }
}
