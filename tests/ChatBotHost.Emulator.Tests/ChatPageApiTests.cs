using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>The chat page's JSON API: each action is the portal user's, and the bot gets the matching event.</summary>
public sealed class ChatPageApiTests : EmulatorTest
{
    [Fact]
    public async Task Dialogs_WithTwoBots_ListsAPrivateDialogForEachAndOneGroupChatWithBoth()
    {
        var echo = await Client.RegisterBotAsync("echo", Token, name: "Echo");
        var helper = await Client.RegisterBotAsync("helper", Token, type: "supervisor", name: "Helper");
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var answer = await page.GetJsonAsync("api/dialogs");
        var dialogs = answer["dialogs"]!.AsArray().Select(d => d!.AsObject()).ToList();

        Assert.Equal(Admin, answer["me"]!["id"]!.GetValue<int>());
        Assert.Equal([Dialog(echo), Dialog(helper)], dialogs.Where(d => d["kind"]!.GetValue<string>() == "private").Select(d => d["dialogId"]!.GetValue<string>()));
        var group = Assert.Single(dialogs, d => d["kind"]!.GetValue<string>() == "group");
        var members = group["members"]!.AsArray().ToDictionary(m => m!["id"]!.GetValue<int>(), m => m!["needsMention"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<int, bool> { [echo] = true, [helper] = false }, members);
        var joined = Assert.Single((await Client.EventGetAsync(echo, Token))["events"]!.AsArray())!;
        Assert.Equal("ONIMBOTV2JOINCHAT", joined["type"]!.GetValue<string>());
        Assert.Equal(group["dialogId"]!.GetValue<string>(), joined["data"]!["dialogId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dialogs_CalledTwice_MakesTheGroupChatOnce()
    {
        await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        await page.GetJsonAsync("api/dialogs");
        await page.GetJsonAsync("api/dialogs");

        Assert.Single(Portal.Chats, c => !c.IsPrivate);
    }

    [Fact]
    public async Task Send_InTheGroupChat_ReachesABotTypeBotOnlyWhenMentioned()
    {
        var echo = await Client.RegisterBotAsync("echo", Token, name: "Echo");
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var group = (await page.GetJsonAsync("api/dialogs"))["dialogs"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "group")!;
        var dialogId = group["dialogId"]!.GetValue<string>();
        var offset = (await Client.EventGetAsync(echo, Token))["nextOffset"]!.GetValue<long>(); // past the group's JOINCHAT

        await page.SendAsync(HttpMethod.Post, $"api/dialogs/{dialogId}/messages", new JsonObject { ["text"] = "nobody asked echo" });
        await page.SendAsync(HttpMethod.Post, $"api/dialogs/{dialogId}/messages", new JsonObject { ["text"] = $"[USER={echo}]Echo[/USER] hi" });

        var events = (await Client.EventGetAsync(echo, Token, offset))["events"]!.AsArray();
        var added = Assert.Single(events)!;
        Assert.Equal("ONIMBOTV2MESSAGEADD", added["type"]!.GetValue<string>());
        Assert.Equal(dialogId, added["data"]!["chat"]!["dialogId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Open_PrivateDialogFirstTimeOnly_GreetsTheBotOnce()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        Assert.Equal(204, (await page.SendAsync(HttpMethod.Post, $"api/dialogs/{botId}/open")).Status);
        Assert.Equal(204, (await page.SendAsync(HttpMethod.Post, $"api/dialogs/{botId}/open")).Status);

        var events = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray();
        Assert.Equal("ONIMBOTV2JOINCHAT", Assert.Single(events)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_InPrivateDialog_StoresTheUsersMessageAndQueuesMessageAdd()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var (status, body) = await page.SendAsync(HttpMethod.Post, $"api/dialogs/{botId}/messages", new JsonObject { ["text"] = "hello" });

        Assert.Equal(200, status);
        var messages = (await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray();
        var mine = Assert.Single(messages)!;
        Assert.Equal(body!["id"]!.GetValue<int>(), mine["id"]!.GetValue<int>());
        Assert.True(mine["mine"]!.GetValue<bool>());
        var events = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray();
        var added = Assert.Single(events, e => e!["type"]!.GetValue<string>() == "ONIMBOTV2MESSAGEADD")!;
        Assert.Equal("hello", added["data"]!["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Press_KeyboardButton_QueuesCommandAddWithKeyboardContextAndParams()
    {
        var botId = await Client.RegisterBotAsync("helpdesk", Token);
        var commandId = await Client.RegisterCommandAsync(botId, Token, "answer", hidden: true);
        await Portal.OpenPrivateChatAsync(Admin, botId);
        var sent = await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject
        {
            ["message"] = "How urgent is it?",
            ["keyboard"] = new JsonArray(new JsonObject { ["TEXT"] = "High", ["COMMAND"] = "answer", ["COMMAND_PARAMS"] = "3" }),
        });
        var messageId = sent.Ok()["id"]!.GetValue<int>();
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var shown = Assert.Single((await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray())!;
        var (status, _) = await page.SendAsync(HttpMethod.Post, $"api/messages/{messageId}/press", new JsonObject { ["command"] = "answer", ["params"] = "3" });

        Assert.Equal("High", shown["keyboard"]!["BUTTONS"]![0]!["TEXT"]!.GetValue<string>());
        Assert.Equal(204, status);
        var command = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray()
            .Single(e => e!["type"]!.GetValue<string>() == "ONIMBOTV2COMMANDADD")!["data"]!["command"]!;
        Assert.Equal(commandId, command["id"]!.GetValue<int>());
        Assert.Equal("keyboard", command["context"]!.GetValue<string>());
        Assert.Equal("3", command["params"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditDeleteAndReact_OnOwnMessage_EachQueueTheirEvent()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var id = (await page.SendAsync(HttpMethod.Post, $"api/dialogs/{botId}/messages", new JsonObject { ["text"] = "helo" })).Body!["id"]!.GetValue<int>();
        var reply = (await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "hi" })).Ok()["id"]!.GetValue<int>();

        Assert.Equal(204, (await page.SendAsync(HttpMethod.Put, $"api/messages/{id}", new JsonObject { ["text"] = "hello" })).Status);
        Assert.Equal(204, (await page.SendAsync(HttpMethod.Post, $"api/messages/{reply}/reactions", new JsonObject { ["reaction"] = "like", ["add"] = true })).Status);
        Assert.Equal(204, (await page.SendAsync(HttpMethod.Delete, $"api/messages/{id}")).Status);

        var types = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>());
        Assert.Equal(["ONIMBOTV2JOINCHAT", "ONIMBOTV2MESSAGEADD", "ONIMBOTV2MESSAGEUPDATE", "ONIMBOTV2REACTIONCHANGE", "ONIMBOTV2MESSAGEDELETE"], types);
        var left = Assert.Single((await page.GetJsonAsync($"api/dialogs/{botId}/messages"))["messages"]!.AsArray())!;
        Assert.Equal("like", left["reactions"]![0]!["reaction"]!.GetValue<string>());
        Assert.True(left["reactions"]![0]!["mine"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Edit_TheBotsMessage_IsRefusedWith400AndTheReason()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        var reply = (await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "hi" })).Ok()["id"]!.GetValue<int>();
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var (status, body) = await page.SendAsync(HttpMethod.Put, $"api/messages/{reply}", new JsonObject { ["text"] = "changed" });

        Assert.Equal(400, status);
        Assert.Contains("was not written by user", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutTrailingSlash_RedirectsAndServesTheHtmlWithAScriptPolicy()
    {
        await using var page = await ChatPageServer.StartAsync(Emulator);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var redirect = await noRedirect.GetAsync(new Uri(page.Http.BaseAddress!.AbsoluteUri.TrimEnd('/')));
        using var html = await page.Http.GetAsync(new Uri("", UriKind.Relative));
        using var script = await page.Http.GetAsync(new Uri("app.js", UriKind.Relative));
        using var missing = await page.Http.GetAsync(new Uri("nothing.js", UriKind.Relative));

        Assert.Equal("/emulator/", redirect.Headers.Location!.OriginalString);
        Assert.Contains("<div id=\"messages\"", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, (int)missing.StatusCode);
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
