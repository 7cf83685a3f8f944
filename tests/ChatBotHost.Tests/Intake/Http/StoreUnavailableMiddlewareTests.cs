using System.Text;
using System.Text.Json;
using ChatBotHost.Intake.Http;
using ChatBotHost.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Intake.Http;

public sealed class StoreUnavailableMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_StoreNotReachable_Answers503WithRetryAfterAndNoExceptionText()
    {
        var (http, body) = await RunAsync(_ => throw new StateStoreUnavailableException("Redis is not reachable at 10.1.2.3:6379 (setting …)", null));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("The host's state store is not available; try again later.", Detail(body));
        Assert.DoesNotContain("10.1.2.3", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_StoreFailureWrappedInAnotherException_Answers503()
    {
        var (http, _) = await RunAsync(_ => throw new AggregateException(new StateStoreUnavailableException("socket closed")));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_AnyOtherFailure_IsLeftToTheServer()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(_ => throw new InvalidOperationException("a bug")));
    }

    private static async Task<(DefaultHttpContext Http, string Body)> RunAsync(RequestDelegate endpoint)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        http.Response.Body = body;

        await new StoreUnavailableMiddleware(endpoint, NullLogger<StoreUnavailableMiddleware>.Instance).InvokeAsync(http);

        return (http, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static string? Detail(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("detail").GetString();
    }
}
