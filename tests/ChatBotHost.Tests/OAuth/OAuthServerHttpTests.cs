using System.Net;
using System.Text;
using ChatBotHost.Configuration;
using ChatBotHost.OAuth;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.OAuth;

/// <summary>
/// The "oauth" client as the host registers it (resilience pipeline included), in front of a scripted network: a
/// refresh is retried only when the request never left; once the server may have seen the single-use refresh token,
/// it is never sent again.
/// </summary>
public sealed class OAuthServerHttpTests
{
    private const string Granted = """{"access_token":"access-new","refresh_token":"refresh-new","expires_in":3600}""";

    [Fact]
    public async Task Refresh_NoConnectionTwice_RetriesAndGetsTheGrantWithoutLoggingSecrets()
    {
        var network = new ScriptedNetwork(
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
            _ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name does not resolve"),
            _ => Answer(HttpStatusCode.OK, Granted));
        var logs = new RecordingLoggerProvider();

        var grant = await Client(network, logs).RefreshAsync("refresh-old", CancellationToken.None);

        Assert.Equal("access-new", grant.AccessToken);
        Assert.Equal(3, network.Requests);
        Assert.Contains(logs.Entries, entry => entry.Message.Contains("OnRetry", StringComparison.Ordinal)); // the pipeline's own log
        Assert.All(logs.Entries, entry =>
        {
            Assert.DoesNotContain("refresh-old", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("client-secret", entry.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Refresh_ServerAnsweredAnError_IsNotRetried(HttpStatusCode status)
    {
        var network = new ScriptedNetwork(_ => Answer(status, "<html>busy</html>"), _ => Answer(HttpStatusCode.OK, Granted));

        var error = await Assert.ThrowsAsync<OAuthGrantException>(() => Client(network).RefreshAsync("refresh-old", CancellationToken.None));

        Assert.Equal("transport", error.Error);
        Assert.Equal(1, network.Requests);
    }

    [Fact]
    public async Task Refresh_ConnectionLostAfterSending_IsNotRetried()
    {
        var network = new ScriptedNetwork(
            _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"),
            _ => Answer(HttpStatusCode.OK, Granted));

        var error = await Assert.ThrowsAsync<OAuthGrantException>(() => Client(network).RefreshAsync("refresh-old", CancellationToken.None));

        Assert.Equal("transport", error.Error);
        Assert.Equal(1, network.Requests);
    }

    private static OAuthServerClient Client(ScriptedNetwork network, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs ?? new RecordingLoggerProvider()));
        services.AddOAuthServerHttpClient().ConfigurePrimaryHttpMessageHandler(() => network);
        var options = new OptionsWrapper<ChatBotHostOptions>(new ChatBotHostOptions
        {
            OAuth = { ClientId = "app", ClientSecret = "client-secret", ServerUrl = "https://oauth.test/" },
        });
        return new OAuthServerClient(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Each request takes the next scripted outcome: an answer, or a thrown network failure.</summary>
    private sealed class ScriptedNetwork(params Func<HttpRequestMessage, HttpResponseMessage>[] outcomes) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(outcomes[Interlocked.Increment(ref _requests) - 1](request));
    }
}
