using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class RoutingTests : EmulatorTest
{
    [Fact]
    public async Task SlashCommand_GoesAsCommandAddNotMessageAdd()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var commandId = await Client.RegisterCommandAsync(botId, Token, "help");
        await Portal.OpenPrivateChatAsync(Admin, botId);
        var offset = (await Client.EventGetAsync(botId, Token))["nextOffset"]!.GetValue<long>();

        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "/help  printing issue ");

        var evt = Assert.Single((await Client.EventGetAsync(botId, Token, offset))["events"]!.AsArray())!;
        Assert.Equal("ONIMBOTV2COMMANDADD", evt["type"]!.GetValue<string>());
        var command = evt["data"]!["command"]!;
        Assert.Equal(commandId, command["id"]!.GetValue<int>());
        Assert.Equal("/help", command["command"]!.GetValue<string>());
        Assert.Equal("printing issue", command["params"]!.GetValue<string>());
        Assert.Equal("textarea", command["context"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnregisteredSlashText_IsAnOrdinaryMessage()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "/unknown");

        Assert.Equal(["ONIMBOTV2JOINCHAT", "ONIMBOTV2MESSAGEADD"], await TypesAsync(botId));
    }

    [Fact]
    public async Task GroupChat_PlainBotHearsOnlyMentions_SupervisorHearsAll()
    {
        var plain = await Client.RegisterBotAsync("plain", Token, name: "Helper");
        var watcher = await Client.RegisterBotAsync("watch", Token, type: "supervisor", name: "Watcher");
        var chatId = Portal.CreateGroupChat("Team", Admin);
        await Portal.AddBotToChatAsync(chatId, plain, Admin);
        await Portal.AddBotToChatAsync(chatId, watcher, Admin);
        var dialog = $"chat{chatId}";

        await Portal.SendUserMessageAsync(Admin, dialog, "just talking");
        await Portal.SendUserMessageAsync(Admin, dialog, $"[user={plain}]Helper[/user] please look");
        await Portal.SendUserMessageAsync(Admin, dialog, "hey @Helper, and you");

        Assert.Equal([$"[user={plain}]Helper[/user] please look", "hey @Helper, and you"], await MessageTextsAsync(plain));
        Assert.Equal(3, (await MessageTextsAsync(watcher)).Length);
    }

    [Fact]
    public async Task AddBotToChat_SendsJoinChatWithGroupDialog()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var chatId = Portal.CreateGroupChat("Team", Admin);

        await Portal.AddBotToChatAsync(chatId, botId, Admin);

        var evt = Assert.Single((await Client.EventGetAsync(botId, Token))["events"]!.AsArray())!;
        Assert.Equal("ONIMBOTV2JOINCHAT", evt["type"]!.GetValue<string>());
        Assert.Equal($"chat{chatId}", evt["data"]!["dialogId"]!.GetValue<string>());
        Assert.Equal("Team", evt["data"]!["chat"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditDeleteReactContext_ReachTheBot()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var userMessage = await Portal.SendUserMessageAsync(Admin, Dialog(botId), "v1");
        var botMessage = (await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "reply" })).Ok()["id"]!.GetValue<int>();

        await Portal.EditUserMessageAsync(Admin, userMessage, "v2");
        await Portal.ReactAsync(Admin, botMessage, "like", add: true);
        await Portal.DeleteUserMessageAsync(Admin, userMessage);
        await Portal.SendContextAsync(Admin, botId, new JsonObject { ["entityId"] = 164, ["source"] = "link" });

        var events = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray().Skip(2).ToList();
        Assert.Equal(
            ["ONIMBOTV2MESSAGEUPDATE", "ONIMBOTV2REACTIONCHANGE", "ONIMBOTV2MESSAGEDELETE", "ONIMBOTV2CONTEXTGET"],
            events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("v2", events[0]!["data"]!["message"]!["text"]!.GetValue<string>());
        Assert.Equal("add", events[1]!["data"]!["action"]!.GetValue<string>());
        Assert.Equal(userMessage, events[2]!["data"]!["messageId"]!.GetValue<int>());
        Assert.Equal(Dialog(Admin), events[3]!["data"]!["dialogId"]!.GetValue<string>());
        Assert.Equal(164, events[3]!["data"]!["context"]!["entityId"]!.GetValue<int>());
    }

    private async Task<string[]> TypesAsync(int botId) =>
        [.. (await Client.EventGetAsync(botId, Token))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    private async Task<string[]> MessageTextsAsync(int botId) =>
        [.. (await Client.EventGetAsync(botId, Token))["events"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "ONIMBOTV2MESSAGEADD")
            .Select(e => e!["data"]!["message"]!["text"]!.GetValue<string>())];

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
