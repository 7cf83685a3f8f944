using System.Text.Json;
using ChatBotHost.Intake.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Intake.Http;

public sealed class BodyRejectionMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_OurRefusal_AnswersItsStatusAndReason()
    {
        var (status, detail) = await RunAsync(_ => throw BodyRejectedException.TooLarge(65536));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal("The body exceeds 65536 bytes.", detail);
    }

    [Fact]
    public async Task InvokeAsync_UndecodableForm_Answers400WithTheReason()
    {
        var (status, detail) = await RunAsync(_ => throw BodyRejectedException.Undecodable("The form cannot be read: a key is nested deeper than 64 levels", new FormatException()));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("The form cannot be read: a key is nested deeper than 64 levels", detail);
    }

    [Theory]
    [InlineData(StatusCodes.Status413PayloadTooLarge, "The body is too large.")]
    [InlineData(StatusCodes.Status408RequestTimeout, "The body arrived too slowly.")]
    [InlineData(StatusCodes.Status400BadRequest, "The body could not be read.")]
    public async Task InvokeAsync_SomeoneElsesRefusal_AnswersAFixedReasonNotItsText(int statusCode, string reason)
    {
        var (status, detail) = await RunAsync(_ => throw new BadHttpRequestException("quoting the request: secret-abc", statusCode));

        Assert.Equal(statusCode, status);
        Assert.Equal(reason, detail);
    }

    [Fact]
    public async Task InvokeAsync_NoRefusal_LeavesTheAnswerAlone()
    {
        var (status, _) = await RunAsync(http =>
        {
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });

        Assert.Equal(StatusCodes.Status202Accepted, status);
    }

    private static async Task<(int Status, string? Detail)> RunAsync(RequestDelegate endpoint)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        http.Response.Body = body;
        var middleware = new BodyRejectionMiddleware(endpoint, NullLogger<BodyRejectionMiddleware>.Instance);

        await middleware.InvokeAsync(http);

        if (body.Length == 0)
        {
            return (http.Response.StatusCode, null);
        }

        using var json = JsonDocument.Parse(body.ToArray());
        return (http.Response.StatusCode, json.RootElement.GetProperty("detail").GetString());
    }
}
