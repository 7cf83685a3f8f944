using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>A pressed BLOCK=Y button stays pressed in the portal's message state, so a reloaded page shows it disabled; and the page has an icon.</summary>
public sealed class ChatPageButtonStateTests : EmulatorTest
{
    [Fact]
    public async Task Press_BlockingButton_IsRememberedInTheMessageAndASecondPressIsRefused()
    {
        var (botId, messageId) = await KeyboardMessageAsync();
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var first = await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "2" });
        var reloaded = Assert.Single((await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray())!;
        var second = await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "2" });

        Assert.Equal(204, first.Status);
        Assert.Equal([1], reloaded["pressed"]!.AsArray().Select(i => i!.GetValue<int>()));
        Assert.Equal(400, second.Status);
        Assert.Contains("blocked", second.Body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var presses = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "ONIMBOTV2COMMANDADD");
        Assert.Equal(1, presses);
    }

    [Fact]
    public async Task Press_ButtonWithoutBlock_IsNotRememberedAndCanBePressedAgain()
    {
        var (botId, messageId) = await KeyboardMessageAsync();
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var first = await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "1" });
        var second = await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "1" });
        var shown = Assert.Single((await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray())!;

        Assert.Equal((204, 204), (first.Status, second.Status));
        Assert.Empty(shown["pressed"]!.AsArray());
    }

    [Fact]
    public async Task Update_WithANewKeyboard_StartsWithNoButtonPressed()
    {
        var (botId, messageId) = await KeyboardMessageAsync();
        await using var page = await ChatPageServer.StartAsync(Emulator);
        await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "2" });

        (await Client.CallAsync("imbot.v2.Chat.Message.update", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["messageId"] = messageId,
            ["fields"] = new JsonObject { ["keyboard"] = Keyboard() },
        })).Ok();

        var shown = Assert.Single((await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray())!;
        Assert.Empty(shown["pressed"]!.AsArray());
    }

    [Fact]
    public async Task Page_DeclaresAnIconAndServesItThereAndAtTheRoot()
    {
        await using var page = await ChatPageServer.StartAsync(Emulator);

        using var html = await page.Http.GetAsync(new Uri("", UriKind.Relative));
        using var icon = await page.Http.GetAsync(new Uri("favicon.svg", UriKind.Relative));
        using var rootIcon = await page.Http.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\"", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (int)icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (int)rootIcon.StatusCode);
        Assert.Equal("image/svg+xml", rootIcon.Content.Headers.ContentType!.MediaType);
    }

    private async Task<(int BotId, int MessageId)> KeyboardMessageAsync()
    {
        var botId = await Client.RegisterBotAsync("helpdesk", Token);
        await Client.RegisterCommandAsync(botId, Token, "answer", hidden: true);
        await Portal.OpenPrivateChatAsync(Admin, botId);
        var sent = await Client.SendMessageAsync(botId, Token, Admin.ToString(CultureInfo.InvariantCulture), new JsonObject
        {
            ["message"] = "How urgent is it?",
            ["keyboard"] = Keyboard(),
        });
        return (botId, sent.Ok()["id"]!.GetValue<int>());
    }

    // "Low" may be pressed again and again; "High" blocks after its press.
    private static JsonArray Keyboard() => new(
        new JsonObject { ["TEXT"] = "Low", ["COMMAND"] = "answer", ["COMMAND_PARAMS"] = "1" },
        new JsonObject { ["TEXT"] = "High", ["COMMAND"] = "answer", ["COMMAND_PARAMS"] = "2", ["BLOCK"] = "Y" });
}
