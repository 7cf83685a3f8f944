using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class RestEnvelopeTests : EmulatorTest
{
    [Fact]
    public async Task Call_WrongWebhookCode_Answers401NoAuthFound()
    {
        var wrong = new PortalClient(new Uri(Emulator.BaseUrl, $"rest/{Admin}/not-the-code/"));

        var answer = await wrong.CallAsync("imbot.v2.Revision.get");

        Assert.Equal(401, answer.Status);
        Assert.Equal("NO_AUTH_FOUND", answer.Error);
    }

    [Fact]
    public async Task Call_WrongUserId_Answers401NoAuthFound()
    {
        var code = Emulator.WebhookUrl.Segments[^1].TrimEnd('/');
        var wrong = new PortalClient(new Uri(Emulator.BaseUrl, $"rest/{Admin + 1}/{code}/"));

        var answer = await wrong.CallAsync("imbot.v2.Revision.get");

        Assert.Equal("NO_AUTH_FOUND", answer.Error);
    }

    [Fact]
    public async Task RevisionGet_NeedsNoToken_AndCarriesTime()
    {
        var answer = await Client.CallAsync("imbot.v2.Revision.get.json");

        Assert.Equal(36, answer.Ok()["rest"]!.GetValue<int>());
        var time = answer.Body["time"]!.AsObject();
        foreach (var key in new[] { "start", "finish", "duration", "processing", "date_start", "date_finish", "operating_reset_at", "operating" })
        {
            Assert.True(time.ContainsKey(key), key);
        }
    }

    [Fact]
    public async Task Call_UnknownMethod_Answers404MethodNotFound()
    {
        var answer = await Client.CallAsync("imbot.v2.No.such", new JsonObject { ["botToken"] = Token });

        Assert.Equal(404, answer.Status);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", answer.Error);
    }

    [Fact]
    public async Task BotMethod_TokenRules_FollowTheCommonErrorOrder()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var noToken = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId });
        var noBotId = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botToken"] = Token });
        var unknown = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = 9999, ["botToken"] = Token });
        var foreign = await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId, ["botToken"] = "other" });

        Assert.Equal("BOT_TOKEN_NOT_SPECIFIED", noToken.Error);
        Assert.Equal("BOT_ID_REQUIRED", noBotId.Error);
        Assert.Equal("BOT_NOT_FOUND", unknown.Error);
        Assert.Equal("BOT_OWNERSHIP_ERROR", foreign.Error);
        Assert.All([noToken, noBotId, unknown, foreign], a => Assert.Equal(400, a.Status));
    }

    [Fact]
    public async Task FormBody_WithBracketsAndYesNoBooleans_IsUnderstood()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.OpenPrivateChatAsync(Admin, botId);

        var answer = await Client.CallFormAsync(
            "imbot.v2.Chat.Message.send",
            $"botId={botId}&botToken={Token}&dialogId={Admin}&fields%5Bmessage%5D=Hi+%26+welcome&fields%5Bsystem%5D=Y&fields%5BurlPreview%5D=N");

        var id = answer.Ok()["id"]!.GetValue<int>();
        var message = Assert.Single(Portal.GetMessages(botId.ToString(System.Globalization.CultureInfo.InvariantCulture)), m => m.Id == id);
        Assert.Equal("Hi & welcome", message.Text);
        Assert.True(message.IsSystem);
        Assert.Equal(0, message.AuthorId);
    }

    [Fact]
    public async Task GetWithQueryString_IsUnderstood()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var answer = await Client.GetAsync($"imbot.v2.Bot.get?botId={botId}&botToken={Token}");

        Assert.Equal("c", answer.Ok()["bot"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_AreRecordedWithoutSecrets()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Client.CallAsync("imbot.v2.Event.get", new JsonObject { ["botId"] = botId, ["botToken"] = "wrong" });

        var failed = await Portal.WaitForCallAsync(c => c.Error == "BOT_OWNERSHIP_ERROR", Patience, CancellationToken.None);

        Assert.Equal("imbot.v2.Event.get", failed.Method);
        Assert.Equal(400, failed.StatusCode);
        Assert.DoesNotContain(Portal.Calls, c => c.ToString().Contains(Token, StringComparison.Ordinal));
    }
}
