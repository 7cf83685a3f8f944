using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>The chat API acts as the portal's admin: it takes small JSON bodies only, so a cross-site form post does nothing.</summary>
public sealed class ChatPageApiLimitsTests : EmulatorTest
{
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "text=hi")]
    [InlineData("text/plain", "{\"text\":\"hi\"}")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--x--\r\n")]
    public async Task Send_NotJson_Is415AndSendsNothing(string contentType, string body)
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await page.Http.PostAsync(new Uri($"api/dialogs/{Dialog(echo)}/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("JSON only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Open_WithoutABody_Is415AndGreetsNobody()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        using var response = await page.Http.PostAsync(new Uri($"api/dialogs/{Dialog(echo)}/open", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.DoesNotContain(Portal.Chats, c => c.IsPrivate);
    }

    [Fact]
    public async Task Send_BodyOverTheCap_Is413()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var text = new string('x', 300 * 1024);

        var (status, body) = await page.SendAsync(HttpMethod.Post, $"api/dialogs/{Dialog(echo)}/messages", new JsonObject { ["text"] = text });

        Assert.Equal(StatusCodes413, status);
        Assert.Contains("exceeds", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Send_ChunkedBodyOverTheCap_Is413()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/dialogs/{Dialog(echo)}/messages", UriKind.Relative))
        {
            Content = new StringContent(new JsonObject { ["text"] = new string('x', 300 * 1024) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await page.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Send_JsonNestedTooDeep_Is400WithAShortReason()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        using var content = new StringContent(deep, Encoding.UTF8, "application/json");

        using var response = await page.Http.PostAsync(new Uri($"api/dialogs/{Dialog(echo)}/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.Equal("The body must be a JSON object nested at most 4 levels deep.", error);
    }

    [Fact]
    public async Task Send_ManyKeys_Is400AndSendsNothing()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var body = new JsonObject { ["text"] = "hi" };
        for (var i = 0; i < 5000; i++)
        {
            body[$"k{i.ToString(CultureInfo.InvariantCulture)}"] = i;
        }

        var (status, answer) = await page.SendAsync(HttpMethod.Post, $"api/dialogs/{Dialog(echo)}/messages", body);

        Assert.Equal(400, status);
        Assert.Equal("The body has more than 16 values.", answer!["error"]!.GetValue<string>());
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Send_Json_StillWorks()
    {
        var echo = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var (status, _) = await page.SendAsync(HttpMethod.Post, $"api/dialogs/{Dialog(echo)}/messages", new JsonObject { ["text"] = "hello" });

        Assert.Equal(200, status);
        Assert.Single(Portal.GetMessages(null), m => m.Text == "hello");
    }

    private const int StatusCodes413 = 413;

    private static string Dialog(int botId) => botId.ToString(CultureInfo.InvariantCulture);
}
