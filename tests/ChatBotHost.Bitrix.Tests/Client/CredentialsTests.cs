using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Tests.Client;

public sealed class CredentialsTests
{
    private static readonly Uri Base = new("https://portal.example.com/rest/1/s3cr3t/");

    [Theory]
    [InlineData("https://portal.example.com/rest/1/s3cr3t")]
    [InlineData("ftp://portal.example.com/rest/1/s3cr3t/")]
    [InlineData("https://portal.example.com/rest/1/s3cr3t/?x=1")]
    public void Webhook_BadBaseUrl_IsRejectedWithoutEchoingIt(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => new WebhookCredentials(new Uri(url), "tok", 1));

        Assert.DoesNotContain("s3cr3t", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_PlainHttp_IsAcceptedForLocalTesting()
    {
        var credentials = new WebhookCredentials(new Uri("http://127.0.0.1:5080/rest/1/abc/"), "tok", 1);

        Assert.Equal("http://127.0.0.1:5080/rest/1/abc/", (await credentials.GetEndpointAsync(CancellationToken.None)).ToString());
    }

    [Theory]
    [InlineData("imbot.v2.Bot.register", false, true)]
    [InlineData("imbot.v2.Bot.list", false, true)]
    [InlineData("imbot.v2.Revision.get", false, false)]
    [InlineData("imbot.v2.Event.get", true, true)]
    [InlineData("imbot.v2.Bot.get", true, true)]
    [InlineData("batch", false, false)]
    [InlineData("im.v2.Event.get", false, false)]
    public async Task Webhook_Authorize_AddsBotIdAndTokenWhereTheMethodTakesThem(string method, bool botId, bool botToken)
    {
        var parameters = new JsonObject();

        await new WebhookCredentials(Base, "tok", 456).AuthorizeAsync(method, parameters, CancellationToken.None);

        Assert.Equal(botId, parameters.ContainsKey("botId"));
        Assert.Equal(botToken, parameters.ContainsKey("botToken"));
    }

    [Fact]
    public async Task Webhook_BotIdZero_IsReplaced()
    {
        var parameters = new JsonObject { ["botId"] = 0 };

        await new WebhookCredentials(Base, "tok", 456).AuthorizeAsync("imbot.v2.Chat.leave", parameters, CancellationToken.None);

        Assert.Equal(456, (int?)parameters["botId"]);
    }

    [Fact]
    public async Task Webhook_BotGetByCode_GetsNoBotId()
    {
        var parameters = new JsonObject { ["code"] = "other" };

        await new WebhookCredentials(Base, "tok", 456).AuthorizeAsync("imbot.v2.Bot.get", parameters, CancellationToken.None);

        Assert.False(parameters.ContainsKey("botId"));
    }

    [Fact]
    public async Task Webhook_BotUpdate_KeepsNewTokenInFieldsAndPutsCurrentAtTopLevel()
    {
        var parameters = new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "new-token" } };

        await new WebhookCredentials(Base, "old-token", 456).AuthorizeAsync("imbot.v2.Bot.update", parameters, CancellationToken.None);

        Assert.Equal("old-token", (string?)parameters["botToken"]);
        Assert.Equal("new-token", (string?)parameters["fields"]!["botToken"]);
    }

    [Fact]
    public void Webhook_ToString_HidesCodeAndToken()
    {
        var text = new WebhookCredentials(Base, "tok-secret", 456).ToString();

        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-secret", text, StringComparison.Ordinal);
        Assert.Contains("portal.example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth_Authorize_AddsAuthOnOuterCallOnly()
    {
        var credentials = new OAuthCredentials(new FakeTokenProvider(), 456);
        var outer = new JsonObject();
        var inner = new JsonObject();

        await credentials.AuthorizeAsync("batch", outer, CancellationToken.None);
        await credentials.AuthorizeBatchCallAsync("imbot.v2.Chat.leave", inner, CancellationToken.None);

        Assert.Equal("token-1", (string?)outer["auth"]);
        Assert.False(outer.ContainsKey("botId"));
        Assert.False(inner.ContainsKey("auth"));
        Assert.Equal(456, (int?)inner["botId"]);
    }

    [Fact]
    public async Task OAuth_TryRefresh_WhenAnotherCallAlreadyRefreshed_RetriesWithoutRefreshingAgain()
    {
        var tokens = new FakeTokenProvider();
        var credentials = new OAuthCredentials(tokens, null);
        var first = new JsonObject();
        var second = new JsonObject();
        await credentials.AuthorizeAsync("imbot.v2.Chat.leave", first, CancellationToken.None);
        await credentials.AuthorizeAsync("imbot.v2.Chat.leave", second, CancellationToken.None);

        Assert.True(await credentials.TryRefreshAsync(first, CancellationToken.None));
        Assert.True(await credentials.TryRefreshAsync(second, CancellationToken.None));

        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public void AccessToken_ToString_HidesValue()
    {
        var text = new AccessToken("very-secret-access", new Uri("https://portal.example.com/rest/")).ToString();

        Assert.DoesNotContain("very-secret-access", text, StringComparison.Ordinal);
    }
}
