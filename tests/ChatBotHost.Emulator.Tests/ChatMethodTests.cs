using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class ChatMethodTests : EmulatorTest
{
    [Fact]
    public async Task ChatAdd_ThenGetTextFieldLeave_FollowMembership()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var added = await Call("imbot.v2.Chat.add", botId, new JsonObject
        {
            ["fields"] = new JsonObject { ["title"] = "Ops", ["userIds"] = new JsonArray(Admin), ["message"] = "Welcome" },
        });
        var dialogId = added.Ok()["chat"]!["dialogId"]!.GetValue<string>();

        await Call("imbot.v2.Chat.TextField.enabled", botId, new JsonObject { ["dialogId"] = dialogId, ["enabled"] = "N" });
        var chat = (await Call("imbot.v2.Chat.get", botId, new JsonObject { ["dialogId"] = dialogId })).Ok()["chat"]!;
        var typing = await Call("imbot.v2.Chat.InputAction.notify", botId, new JsonObject { ["dialogId"] = dialogId });
        await Call("imbot.v2.Chat.leave", botId, new JsonObject { ["dialogId"] = dialogId });
        var afterLeave = await Client.SendMessageAsync(botId, Token, dialogId, new JsonObject { ["message"] = "still here?" });

        Assert.Equal("Ops", chat["name"]!.GetValue<string>());
        Assert.Equal("N", chat["textFieldEnabled"]!.GetValue<string>());
        Assert.Equal("owner", chat["role"]!.GetValue<string>());
        Assert.Equal(2, added.Ok()["users"]!.AsArray().Count);
        Assert.True(typing.Ok()["result"]!.GetValue<bool>());
        Assert.Equal("ACCESS_DENIED", afterLeave.Error);
        Assert.Equal("Welcome", Assert.Single(Portal.GetMessages(dialogId)).Text);
    }

    [Fact]
    public async Task ReactionAdd_Twice_IsAlreadySet()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var messageId = await Portal.SendUserMessageAsync(Admin, Dialog(botId), "rate me");
        var body = new JsonObject { ["messageId"] = messageId, ["reaction"] = "like" };

        var first = await Call("imbot.v2.Chat.Message.Reaction.add", botId, body);
        var second = await Call("imbot.v2.Chat.Message.Reaction.add", botId, body);
        var unknown = await Call("imbot.v2.Chat.Message.Reaction.add", botId, new JsonObject { ["messageId"] = messageId, ["reaction"] = "meh" });

        first.Ok();
        Assert.Equal("REACTION_ALREADY_SET", second.Error);
        Assert.Equal("REACTION_NOT_FOUND", unknown.Error);
        Assert.Equal(botId, Assert.Single(Portal.GetReactions(messageId)).UserId);
    }

    [Fact]
    public async Task CommonCommand_ReachesBotOutsideTheChat_AndAnswerIsSystemMessage()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var register = await Call("imbot.v2.Command.register", botId, new JsonObject
        {
            ["fields"] = new JsonObject { ["command"] = "search", ["common"] = "Y", ["title"] = "Search" },
        });
        var commandId = register.Ok()["command"]!["id"]!.GetValue<int>();
        var chatId = Portal.CreateGroupChat("Elsewhere", Admin);

        var messageId = await Portal.SendUserMessageAsync(Admin, $"chat{chatId}", "/search invoices");
        var answer = await Call("imbot.v2.Command.answer", botId, new JsonObject
        {
            ["commandId"] = commandId, ["messageId"] = messageId, ["dialogId"] = $"chat{chatId}",
            ["fields"] = new JsonObject { ["message"] = "Found 3" },
        });

        var evt = Assert.Single((await Client.EventGetAsync(botId, Token))["events"]!.AsArray())!;
        Assert.Equal("invoices", evt["data"]!["command"]!["params"]!.GetValue<string>());
        answer.Ok();
        var reply = Assert.Single(Portal.GetMessages($"chat{chatId}"), m => m.ViaCommandAnswer);
        Assert.True(reply.IsSystem);
    }

    private Task<ApiAnswer> Call(string method, int botId, JsonObject body)
    {
        body["botId"] = botId;
        body["botToken"] = Token;
        return Client.CallAsync(method, body);
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
