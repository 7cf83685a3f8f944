using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class BatchTests : EmulatorTest
{
    [Fact]
    public async Task Batch_WithFailingSubCall_Answers200WithResultsAndErrors()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var chatId = Portal.CreateGroupChat("Team", Admin);

        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["halt"] = 0,
            ["cmd"] = new JsonObject
            {
                ["m1"] = SendCommand(botId, Admin.ToString(CultureInfo.InvariantCulture), "Hi & welcome"),
                ["m2"] = SendCommand(botId, $"chat{chatId}", "not a member"),
            },
        });

        Assert.Equal(200, answer.Status);
        var result = answer.Ok();
        var sentId = result["result"]!["m1"]!["id"]!.GetValue<int>();
        Assert.Equal("Hi & welcome", Portal.GetMessages(null).Single(m => m.Id == sentId).Text);
        Assert.Equal("ACCESS_DENIED", result["result_error"]!["m2"]!["error"]!.GetValue<string>());
        Assert.IsType<JsonArray>(result["result_total"]);
        Assert.IsType<JsonArray>(result["result_next"]);
        Assert.True(result["result_time"]!.AsObject().ContainsKey("m1"));
    }

    [Fact]
    public async Task Batch_AllSucceeding_HasEmptyErrorList()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonArray(SendCommand(botId, "1", "a"), SendCommand(botId, "1", "b")),
        });

        var result = answer.Ok();
        Assert.Equal(2, result["result"]!.AsArray().Count); // a list cmd gives a list result, as PHP encodes it
        Assert.Empty(Assert.IsType<JsonArray>(result["result_error"]));
    }

    [Fact]
    public async Task Batch_SubCallsAreAuthorizedByTheirOwnToken()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonObject
            {
                ["bad"] = $"imbot.v2.Event.get?botId={botId}&botToken=wrong",
                ["none"] = $"imbot.v2.Event.get?botId={botId}",
            },
        });

        var errors = answer.Ok()["result_error"]!;
        Assert.Equal("BOT_OWNERSHIP_ERROR", errors["bad"]!["error"]!.GetValue<string>());
        Assert.Equal("BOT_TOKEN_NOT_SPECIFIED", errors["none"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_Halt_StopsAtFirstFailure()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["halt"] = true,
            ["cmd"] = new JsonObject
            {
                ["bad"] = "imbot.v2.Event.get?botId=9999&botToken=x",
                ["never"] = SendCommand(botId, "1", "not sent"),
            },
        });

        Assert.Empty(Assert.IsType<JsonArray>(answer.Ok()["result"])); // nothing succeeded: PHP's empty map
        Assert.False(answer.Ok()["result_error"]!.AsObject().ContainsKey("never"));
        Assert.Empty(Portal.GetMessages(null));
    }

    [Fact]
    public async Task Batch_Over50Commands_IsRejected()
    {
        var cmd = new JsonObject();
        for (var i = 0; i < 51; i++)
        {
            cmd["c" + i.ToString(CultureInfo.InvariantCulture)] = "imbot.v2.Revision.get";
        }

        var answer = await Client.CallAsync("batch", new JsonObject { ["cmd"] = cmd });

        Assert.Equal(400, answer.Status);
        Assert.Equal("ERROR_BATCH_LENGTH_EXCEEDED", answer.Error);
    }

    [Fact]
    public async Task Batch_Nested_IsNotAllowed()
    {
        var answer = await Client.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonObject { ["inner"] = "batch?cmd[x]=imbot.v2.Revision.get" },
        });

        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", answer.Ok()["result_error"]!["inner"]!["error"]!.GetValue<string>());
    }

    private static string SendCommand(int botId, string dialogId, string text)
    {
        var query = PhpForm.Encode(new JsonObject
        {
            ["botId"] = botId,
            ["botToken"] = Token,
            ["dialogId"] = dialogId,
            ["fields"] = new JsonObject { ["message"] = text, ["urlPreview"] = false },
        }, PhpBooleans.YesNo);
        return "imbot.v2.Chat.Message.send?" + query;
    }
}
