using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>Batches as the host's delivery sends them: full batches of Message.send and Command.answer.</summary>
public sealed class BatchDeliveryTests : EmulatorTest
{
    [Fact]
    public async Task Batch_Of50SendsAndAnswers_RunsInOrder_ResultsKeyedByCommandId()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var commandId = await Client.RegisterCommandAsync(botId, Token, "help");
        var asked = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            asked.Add(await Portal.SendUserMessageAsync(Admin, Dialog(botId), "/help " + i.ToString(CultureInfo.InvariantCulture)));
        }

        var cmd = new JsonObject();
        var expected = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var text = "reply " + i.ToString(CultureInfo.InvariantCulture);
            cmd[Key(i)] = i % 5 == 0 ? Answer(botId, commandId, asked[i / 5], text) : Send(botId, text);
            expected.Add(text);
        }

        var result = (await Client.CallAsync("batch", new JsonObject { ["halt"] = 0, ["cmd"] = cmd })).Ok();

        Assert.Equal(cmd.Select(c => c.Key), result["result"]!.AsObject().Select(r => r.Key));
        Assert.Empty(Assert.IsType<JsonArray>(result["result_error"]));
        var posted = Portal.GetMessages(null).Where(m => m.PostedByBotId == botId).ToList();
        Assert.Equal(expected, posted.Select(m => m.Text));
        Assert.Equal(posted[1].Id, result["result"]![Key(1)]!["id"]!.GetValue<int>());
        Assert.True(result["result"]![Key(0)]!["result"]!.GetValue<bool>());
        Assert.All(posted.Where((_, i) => i % 5 == 0), m => Assert.True(m.ViaCommandAnswer));
    }

    [Fact]
    public async Task Batch_FailingCommandsInTheMiddle_WithoutHalt_RunTheRestAndReportErrorsByKey()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var cmd = new JsonObject
        {
            ["first"] = Send(botId, "one"),
            ["badAnswer"] = Answer(botId, commandId: 999, messageId: 999, "never"),
            ["empty"] = Send(botId, ""),
            ["last"] = Send(botId, "two"),
        };

        var result = (await Client.CallAsync("batch", new JsonObject { ["halt"] = "0", ["cmd"] = cmd })).Ok();

        Assert.Equal(["first", "last"], result["result"]!.AsObject().Select(r => r.Key));
        var errors = result["result_error"]!.AsObject();
        Assert.Equal(["badAnswer", "empty"], errors.Select(e => e.Key));
        Assert.Equal("COMMAND_ANSWER_FAILED", errors["badAnswer"]!["error"]!.GetValue<string>());
        Assert.Equal("EMPTY_MESSAGE", errors["empty"]!["error"]!.GetValue<string>());
        Assert.Equal(["one", "two"], Portal.GetMessages(null).Select(m => m.Text));
        Assert.Equal(cmd.Select(c => c.Key), result["result_time"]!.AsObject().Select(t => t.Key));
    }

    private string Send(int botId, string text) => "imbot.v2.Chat.Message.send?" + Query(new JsonObject
    {
        ["botId"] = botId,
        ["dialogId"] = Dialog(Admin),
        ["fields"] = new JsonObject { ["message"] = text, ["urlPreview"] = false },
    });

    private string Answer(int botId, int commandId, int messageId, string text) => "imbot.v2.Command.answer?" + Query(new JsonObject
    {
        ["botId"] = botId,
        ["commandId"] = commandId,
        ["messageId"] = messageId,
        ["dialogId"] = Dialog(Admin),
        ["fields"] = new JsonObject { ["message"] = text },
    });

    private static string Query(JsonObject parameters)
    {
        parameters["botToken"] = Token;
        return PhpForm.Encode(parameters, PhpBooleans.YesNo);
    }

    private static string Key(int i) => "m" + i.ToString("00", CultureInfo.InvariantCulture);

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
