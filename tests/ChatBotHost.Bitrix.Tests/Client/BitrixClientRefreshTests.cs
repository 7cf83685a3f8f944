using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Bitrix.Tests.Client;

public sealed class BitrixClientRefreshTests
{
    private const string Expired = """{"error":"expired_token","error_description":"The access token provided has expired."}""";
    private static readonly ChatMessageSendRequest Send = new() { DialogId = "chat5", Fields = new MessageFields { Message = "Hi" } };

    [Fact]
    public async Task CallAsync_ExpiredToken_RefreshesOnceAndRetriesWithNewToken()
    {
        var tokens = new FakeTokenProvider();
        using var fixture = new ClientFixture(new OAuthCredentials(tokens, 456));
        fixture.Handler.Answer(HttpStatusCode.Unauthorized, Expired).AnswerResult("""{"id":791}""");

        var result = await fixture.Client.CallAsync(Send, CancellationToken.None);

        Assert.Equal(791, result.Id);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(["token-1", "token-2"], fixture.Handler.Requests.Select(r => (string?)r.Json["auth"]));
        Assert.All(fixture.Handler.Requests, r => Assert.Equal("https://portal.example.com/rest/imbot.v2.Chat.Message.send", r.Uri.ToString()));
        Assert.All(fixture.Handler.Requests, r => Assert.Null(r.Json["botToken"]));
        Assert.All(fixture.Handler.Requests, r => Assert.Equal(456, (int?)r.Json["botId"]));
    }

    [Fact]
    public async Task CallAsync_ExpiredTwice_GivesUpAfterOneRetry()
    {
        var tokens = new FakeTokenProvider();
        using var fixture = new ClientFixture(new OAuthCredentials(tokens, 456));
        fixture.Handler.Answer(HttpStatusCode.Unauthorized, Expired).Answer(HttpStatusCode.Unauthorized, Expired);

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.ExpiredToken, e.Error);
        Assert.Equal(2, fixture.Handler.Requests.Count);
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task CallAsync_ExpiredAndRefreshImpossible_ThrowsWithoutRetry()
    {
        var tokens = new FakeTokenProvider { CanRefresh = false };
        using var fixture = new ClientFixture(new OAuthCredentials(tokens, 456));
        fixture.Handler.Answer(HttpStatusCode.Unauthorized, Expired);

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Single(fixture.Handler.Requests);
    }

    [Fact]
    public async Task CallAsync_WebhookExpired_DoesNotRetry()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.Unauthorized, Expired);

        await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Single(fixture.Handler.Requests);
    }

    [Fact]
    public async Task CallAsync_AccessTokenValue_NeverInExceptionOrLogs()
    {
        var tokens = new FakeTokenProvider();
        using var fixture = new ClientFixture(new OAuthCredentials(tokens, 456));
        fixture.Handler.Answer(HttpStatusCode.Unauthorized, Expired).Answer(HttpStatusCode.Unauthorized, Expired);

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.All(fixture.Logger.Lines.Append(e.ToString()), text => Assert.DoesNotContain("token-", text, StringComparison.Ordinal));
    }
}
