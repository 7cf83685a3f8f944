using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class MessagingTests : EmulatorTest
{
    [Fact]
    public async Task Send_ToUserDialog_LandsInUserBotChat()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.OpenPrivateChatAsync(Admin, botId);

        var answer = await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject
        {
            ["message"] = "[b]Hi[/b]",
            ["keyboard"] = new JsonArray(new JsonObject { ["TEXT"] = "Help", ["COMMAND"] = "help" }),
        });

        var result = answer.Ok();
        Assert.IsType<JsonArray>(result["uuidMap"]);
        var message = Assert.Single(Portal.GetMessages(Admin, Dialog(botId)));
        Assert.Equal(result["id"]!.GetValue<int>(), message.Id);
        Assert.Equal(botId, message.AuthorId);
        Assert.Equal(Dialog(botId), message.DialogId); // as the user sees it
        Assert.Equal("help", message.Keyboard!["BUTTONS"]![0]!["COMMAND"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_WithoutTextOrAttach_IsEmptyMessage()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["system"] = true });

        Assert.Equal("EMPTY_MESSAGE", answer.Error);
    }

    [Fact]
    public async Task Send_ToGroupChatWithoutTheBot_IsAccessDenied()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var chatId = Portal.CreateGroupChat("Team", Admin);

        var answer = await Client.SendMessageAsync(botId, Token, $"chat{chatId}", new JsonObject { ["message"] = "hi" });

        Assert.Equal(403, answer.Status);
        Assert.Equal("ACCESS_DENIED", answer.Error);
    }

    [Fact]
    public async Task CommandAnswer_PostsIntoTheDialogMarkedAsAnswer()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var commandId = await Client.RegisterCommandAsync(botId, Token, "help");
        var messageId = await Portal.SendUserMessageAsync(Admin, Dialog(botId), "/help me");

        var answer = await Client.CallAsync("imbot.v2.Command.answer", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["commandId"] = commandId, ["messageId"] = messageId,
            ["dialogId"] = Dialog(Admin), ["fields"] = new JsonObject { ["message"] = "Here is help" },
        });

        answer.Ok();
        var reply = await Portal.WaitForBotMessageAsync(m => m.Text == "Here is help", Patience, CancellationToken.None);
        Assert.True(reply.ViaCommandAnswer);
        Assert.Equal(botId, reply.AuthorId);
    }

    [Fact]
    public async Task CommandRegister_IsIdempotentAndListedWithSlashAndTitle()
    {
        var botId = await Client.RegisterBotAsync("c", Token, name: "Helper");
        var first = await Client.RegisterCommandAsync(botId, Token, "help");
        var again = await Client.CallAsync("imbot.v2.Command.register", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token,
            ["fields"] = new JsonObject { ["command"] = "help", ["title"] = new JsonObject { ["en"] = "Other" }, ["common"] = true },
        });

        var list = await Client.CallAsync("imbot.v2.Command.list", new JsonObject { ["botId"] = botId, ["botToken"] = Token });

        Assert.Equal(first, again.Ok()["command"]!["id"]!.GetValue<int>());
        Assert.False(again.Ok()["command"]!["common"]!.GetValue<bool>());
        var listed = Assert.Single(list.Ok()["commands"]!.AsArray())!;
        Assert.Equal("/help", listed["command"]!.GetValue<string>());
        Assert.Equal("Title of help", listed["title"]!.GetValue<string>());
        Assert.Equal("Helper", listed["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task CommandRegister_WithoutTitle_RequiresHidden()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        JsonObject Body(bool hidden) => new()
        {
            ["botId"] = botId, ["botToken"] = Token, ["fields"] = new JsonObject { ["command"] = "secret", ["hidden"] = hidden },
        };

        var visible = await Client.CallAsync("imbot.v2.Command.register", Body(hidden: false));
        var hidden = await Client.CallAsync("imbot.v2.Command.register", Body(hidden: true));

        Assert.Equal("COMMAND_TITLE_REQUIRED", visible.Error);
        Assert.True(hidden.Ok()["command"]!["hidden"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PressButton_SendsKeyboardCommandWithTheBotMessage()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var commandId = await Client.RegisterCommandAsync(botId, Token, "pick", hidden: true);
        var sent = await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject
        {
            ["message"] = "Choose",
            ["keyboard"] = new JsonObject
            {
                ["BOT_ID"] = botId,
                ["BUTTONS"] = new JsonArray(new JsonObject { ["TEXT"] = "A", ["COMMAND"] = "pick", ["COMMAND_PARAMS"] = "a" }),
            },
        });
        var messageId = sent.Ok()["id"]!.GetValue<int>();

        await Portal.PressButtonAsync(Admin, messageId, "pick", "a");

        var evt = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray()[^1]!;
        Assert.Equal("ONIMBOTV2COMMANDADD", evt["type"]!.GetValue<string>());
        Assert.Equal(commandId, evt["data"]!["command"]!["id"]!.GetValue<int>());
        Assert.Equal("keyboard", evt["data"]!["command"]!["context"]!.GetValue<string>());
        Assert.Equal("a", evt["data"]!["command"]!["params"]!.GetValue<string>());
        Assert.Equal(messageId, evt["data"]!["message"]!["id"]!.GetValue<int>());
        Assert.Equal("pick", evt["data"]!["message"]!["params"]!["KEYBOARD"]!["BUTTONS"]![0]!["COMMAND"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAndDelete_OnlyOwnMessages()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var userMessage = await Portal.SendUserMessageAsync(Admin, Dialog(botId), "mine");
        var own = (await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "v1" })).Ok()["id"]!.GetValue<int>();
        JsonObject Body(int messageId) => new()
        {
            ["botId"] = botId, ["botToken"] = Token, ["messageId"] = messageId, ["fields"] = new JsonObject { ["message"] = "v2" },
        };

        var updateOwn = await Client.CallAsync("imbot.v2.Chat.Message.update", Body(own));
        var updateForeign = await Client.CallAsync("imbot.v2.Chat.Message.update", Body(userMessage));
        var deleteOwn = await Client.CallAsync("imbot.v2.Chat.Message.delete", Body(own));

        updateOwn.Ok();
        Assert.Equal("ACCESS_DENIED", updateForeign.Error);
        deleteOwn.Ok();
        Assert.DoesNotContain(Portal.GetMessages(null), m => m.Id == own);
    }

    [Fact]
    public async Task WaitForBotMessage_Timeout_ListsRecentMessages()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "is anyone there");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Portal.WaitForBotMessageAsync(m => m.Text == "never", TimeSpan.FromMilliseconds(50), CancellationToken.None));

        Assert.Contains("is anyone there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatUserList_IsBareArrayOfUsers()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var bob = Portal.AddUser("Bob", "Brown");
        var chatId = Portal.CreateGroupChat("Team", Admin, bob.Id);
        await Portal.AddBotToChatAsync(chatId, botId, Admin);

        var answer = await Client.CallAsync("imbot.v2.Chat.User.list", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["dialogId"] = $"chat{chatId}",
        });

        var users = Assert.IsType<JsonArray>(answer.Ok());
        Assert.Equal(new[] { Admin, bob.Id, botId }.Order(), users.Select(u => u!["id"]!.GetValue<int>()));
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
