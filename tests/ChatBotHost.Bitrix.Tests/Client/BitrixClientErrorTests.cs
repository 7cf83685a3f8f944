using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Chats;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Bitrix.Tests.Client;

public sealed class BitrixClientErrorTests
{
    private static readonly ChatMessageSendRequest Send = new() { DialogId = "chat5", Fields = new MessageFields { Message = "Hi" } };

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "EMPTY_MESSAGE")]
    [InlineData(HttpStatusCode.Unauthorized, "NO_AUTH_FOUND")]
    [InlineData(HttpStatusCode.Forbidden, "ACCESS_DENIED")]
    [InlineData(HttpStatusCode.Forbidden, "BOT_OWNERSHIP_ERROR")]
    public async Task CallAsync_BusinessErrorEnvelope_ThrowsPermanentTypedException(HttpStatusCode status, string code)
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(status, $$"""{"error":"{{code}}","error_description":"Something about it"}""");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(code, e.Error);
        Assert.Equal("Something about it", e.Description);
        Assert.Equal(status, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.False(e.IsRateLimited);
        Assert.Single(fixture.Handler.Requests); // no retries in the client
    }

    [Fact]
    public async Task CallAsync_OperationTimeLimit_CarriesOperatingResetAt()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(
            HttpStatusCode.TooManyRequests,
            """{"error":"OPERATION_TIME_LIMIT","error_description":"Method is blocked","time":{"operating":481.2,"operating_reset_at":1767225600}}""");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.OperationTimeLimit, e.Error);
        Assert.Equal(1767225600, e.OperatingResetAt);
        Assert.True(e.IsRateLimited);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task CallAsync_QueryLimitExceeded_IsRateLimitedAndTransient()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.ServiceUnavailable, """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.QueryLimitExceeded, e.Error);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Null(e.OperatingResetAt);
        Assert.True(e.IsRateLimited);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task CallAsync_HtmlBadGateway_ThrowsTransientTransportError()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.Transport, e.Error);
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Contains("text/html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_EmptyOk_ThrowsUnexpectedAnswer()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.OK, "");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.UnexpectedAnswer, e.Error);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task CallAsync_ResultOfWrongShape_ThrowsUnexpectedAnswerNamingTheType()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"chat":"not an object"}""");

        var e = await Assert.ThrowsAsync<BitrixApiException>(
            () => fixture.Client.CallAsync(new ChatGetRequest { DialogId = "chat5" }, CancellationToken.None));

        Assert.Equal(BitrixErrors.UnexpectedAnswer, e.Error);
        Assert.Contains(nameof(ChatResult), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_ConnectionRefused_ThrowsTransportWithInner()
    {
        using var fixture = new ClientFixture();
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (portal.example.com:443)");
        fixture.Handler.Throw(refused);

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.Transport, e.Error);
        Assert.Same(refused, e.InnerException);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task CallAsync_HttpClientTimeout_ThrowsTransport()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));

        Assert.Equal(BitrixErrors.Transport, e.Error);
        Assert.IsType<TaskCanceledException>(e.InnerException);
    }

    [Fact]
    public async Task CallAsync_CallerCancels_RethrowsCancellation()
    {
        using var fixture = new ClientFixture();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        fixture.Handler.AnswerResult("""{"id":1}""");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Client.CallAsync(Send, cancellation.Token));
    }

    [Fact]
    public async Task Failures_NeverRevealBotTokenOrWebhookCode_InExceptionsOrLogs()
    {
        using var fixture = new ClientFixture();
        fixture.Handler
            .Answer(HttpStatusCode.Forbidden, """{"error":"BOT_OWNERSHIP_ERROR","error_description":"Bot does not belong to this app"}""")
            .Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html")
            .Throw(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (portal.example.com:443)"))
            .Answer(HttpStatusCode.OK, """{"result":{"id":"not a number"}}""");

        var texts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(Send, CancellationToken.None));
            texts.Add(e.ToString());
        }

        texts.AddRange(fixture.Logger.Lines);
        Assert.NotEmpty(fixture.Logger.Lines);
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(ClientFixture.BotToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientFixture.WebhookCode, text, StringComparison.Ordinal);
        });
    }
}
