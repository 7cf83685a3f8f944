using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Tests.Configuration;

public sealed class OAuthOptionsValidationTests
{
    private static readonly BotCatalog Catalog = new([new BotBuilder().Profile("alpha", "alpha").Build("alpha")]);

    [Fact]
    public void Validate_ApplicationModeWithoutWebhookOrBotTokens_Succeeds()
    {
        Assert.True(Validate(Application()).Succeeded);
    }

    [Fact]
    public void Validate_ClientIdWithoutSecret_NamesTheSecretKey()
    {
        var options = Application();
        options.OAuth.ClientSecret = null;

        Assert.Contains("ChatBotHost:OAuth:ClientSecret", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ApplicationModeWithoutPublicUrl_NamesPublicUrl()
    {
        var options = Application();
        options.PublicUrl = null;

        Assert.Contains("ChatBotHost:PublicUrl", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeepAliveAfterPastTheRefreshTokensLife_IsRejected()
    {
        var options = Application();
        options.OAuth.KeepAliveAfter = TimeSpan.FromDays(200);

        Assert.Contains("KeepAliveAfter", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ChatBotHostOptions options) =>
        new ChatBotHostOptionsValidator(Catalog).Validate(null, options);

    private static ChatBotHostOptions Application() => new()
    {
        PublicUrl = "https://bots.example.com/",
        OAuth = { ClientId = "local.abc", ClientSecret = "secret" },
    };
}
