using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class BotRegistrationTests : EmulatorTest
{
    [Fact]
    public async Task Register_SameCodeTwiceWithOtherProperties_ReturnsFirstBotUnchanged()
    {
        var first = await RegisterAsync("support", "Alice", "supervisor");
        var second = await RegisterAsync("support", "Bob", "bot");

        Assert.Equal(first["bot"]!["id"]!.GetValue<int>(), second["bot"]!["id"]!.GetValue<int>());
        Assert.Equal("supervisor", second["bot"]!["type"]!.GetValue<string>());
        Assert.Equal("Alice", second["users"]![0]!["name"]!.GetValue<string>());
        Assert.Single(Portal.Bots);
    }

    [Fact]
    public async Task Register_ReturnsExtendedBotAndBotUser()
    {
        var answer = await RegisterAsync("support", "Alice", "bot");

        var bot = answer["bot"]!.AsObject();
        Assert.Equal("support", bot["code"]!.GetValue<string>());
        Assert.Equal("fetch", bot["eventMode"]!.GetValue<string>());
        Assert.Equal("rest", bot["moduleId"]!.GetValue<string>());
        Assert.True(bot["isReactionsEnabled"]!.GetValue<bool>());
        Assert.Null(bot["backgroundId"]);
        var user = answer["users"]![0]!.AsObject();
        Assert.True(user["bot"]!.GetValue<bool>());
        Assert.Equal(bot["id"]!.GetValue<int>(), user["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Register_TokenOnlyInFields_IsAccepted()
    {
        var answer = await Client.CallAsync("imbot.v2.Bot.register", new JsonObject
        {
            ["fields"] = new JsonObject { ["code"] = "c", ["botToken"] = Token, ["properties"] = new JsonObject { ["name"] = "N" } },
        });

        Assert.Equal(200, answer.Status);
        Assert.Equal(Token, Portal.FindBot("c")!.Token);
    }

    [Theory]
    [InlineData("""{"botToken":"t","fields":{"properties":{"name":"N"}}}""", "BOT_CODE_REQUIRED")]
    [InlineData("""{"botToken":"t","fields":{"code":"c"}}""", "BOT_PROPERTIES_REQUIRED")]
    [InlineData("""{"botToken":"t","fields":{"code":"c","properties":{"lastName":"L"}}}""", "BOT_PROPERTIES_REQUIRED")]
    [InlineData("""{"botToken":"t","fields":{"code":"c","type":"robot","properties":{"name":"N"}}}""", "BOT_INVALID_TYPE")]
    [InlineData("""{"botToken":"t","fields":{"code":"c","eventMode":"push","properties":{"name":"N"}}}""", "BOT_INVALID_EVENT_MODE")]
    [InlineData("""{"botToken":"t","fields":{"code":"c","eventMode":"webhook","properties":{"name":"N"}}}""", "BOT_WEBHOOK_URL_REQUIRED")]
    [InlineData("""{"fields":{"code":"c","properties":{"name":"N"}}}""", "BOT_TOKEN_NOT_SPECIFIED")]
    [InlineData("""{"botToken":"12345678901234567890123456789012345678901","fields":{"code":"c","properties":{"name":"N"}}}""", "BOT_TOKEN_INVALID_LENGTH")]
    public async Task Register_InvalidFields_AnswersSpecError(string body, string error)
    {
        var answer = await Client.CallAsync("imbot.v2.Bot.register", JsonNode.Parse(body)!.AsObject());

        Assert.Equal(400, answer.Status);
        Assert.Equal(error, answer.Error);
        Assert.Empty(Portal.Bots);
    }

    [Fact]
    public async Task Update_RotatedToken_OldTokenIsRejectedAtOnce()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var rotated = await Client.CallAsync("imbot.v2.Bot.update", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["fields"] = new JsonObject { ["botToken"] = "new-token" },
        });
        rotated.Ok();

        var withOld = await Client.CallAsync("imbot.v2.Bot.get", new JsonObject { ["botId"] = botId, ["botToken"] = Token });
        var eventsWithOld = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId, ["botToken"] = Token });
        var eventsWithNew = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId, ["botToken"] = "new-token" });

        Assert.Null(withOld.Ok()["bot"]!["eventMode"]); // not the owner any more: brief form
        Assert.Equal("BOT_OWNERSHIP_ERROR", eventsWithOld.Error);
        Assert.Equal(200, eventsWithNew.Status);
    }

    [Fact]
    public async Task Update_WebhookUrlChange_RegeneratesApplicationToken()
    {
        var botId = await Client.RegisterBotAsync("c", Token, eventMode: "webhook", webhookUrl: new Uri("http://127.0.0.1:9/a"));
        var before = Portal.FindBot("c")!.ApplicationToken;

        await Client.CallAsync("imbot.v2.Bot.update", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["fields"] = new JsonObject { ["webhookUrl"] = "http://127.0.0.1:9/b" },
        });

        var bot = Portal.FindBot("c")!;
        Assert.NotEqual(before, bot.ApplicationToken);
        Assert.Equal(new Uri("http://127.0.0.1:9/b"), bot.WebhookUrl);
    }

    [Fact]
    public async Task Update_OtherFields_KeepApplicationTokenAndMergeProperties()
    {
        var botId = await Client.RegisterBotAsync("c", Token, name: "Old");
        var before = Portal.FindBot("c")!.ApplicationToken;

        var answer = await Client.CallAsync("imbot.v2.Bot.update", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token,
            ["fields"] = new JsonObject { ["properties"] = new JsonObject { ["name"] = "New" }, ["isHidden"] = "Y" },
        });

        Assert.Equal("New", answer.Ok()["users"]![0]!["firstName"]!.GetValue<string>());
        Assert.True(answer.Ok()["bot"]!["isHidden"]!.GetValue<bool>());
        Assert.Equal(before, Portal.FindBot("c")!.ApplicationToken);
    }

    [Fact]
    public async Task GetAndList_FindTheCallersBots()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Client.RegisterBotAsync("other", "another-app-token");

        var byCode = await Client.CallAsync("imbot.v2.Bot.get", new JsonObject { ["code"] = "c", ["botToken"] = Token });
        var list = await Client.CallAsync("imbot.v2.Bot.list", new JsonObject { ["botToken"] = Token });

        Assert.Equal(botId, byCode.Ok()["bot"]!["id"]!.GetValue<int>());
        var bots = list.Ok()["bots"]!.AsArray();
        Assert.Equal(botId, Assert.Single(bots)!["id"]!.GetValue<int>());
        Assert.False(list.Ok()["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unregister_RemovesBotAndItsQueue()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.CallAsync("imbot.v2.Bot.unregister", new JsonObject { ["botId"] = botId, ["botToken"] = Token });
        var after = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId, ["botToken"] = Token });

        Assert.True(answer.Ok()["result"]!.GetValue<bool>());
        Assert.Equal("BOT_NOT_FOUND", after.Error);
        Assert.Null(Portal.FindBot("c"));
    }

    private async Task<JsonObject> RegisterAsync(string code, string name, string type)
    {
        var answer = await Client.CallAsync("imbot.v2.Bot.register", new JsonObject
        {
            ["botToken"] = Token,
            ["fields"] = new JsonObject { ["code"] = code, ["type"] = type, ["properties"] = new JsonObject { ["name"] = name } },
        });
        return answer.Ok().AsObject();
    }
}
