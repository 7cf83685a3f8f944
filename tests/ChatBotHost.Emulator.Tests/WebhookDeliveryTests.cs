using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class WebhookDeliveryTests : EmulatorTest
{
    [Fact]
    public async Task MessageAdd_IsPostedAsPhpFormWithStringScalars()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);

        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "Hello bot!");

        var join = await receiver.NextAsync(Patience);
        var add = await receiver.NextAsync(Patience);
        Assert.Equal("application/x-www-form-urlencoded", add.ContentType);
        Assert.StartsWith("event=ONIMBOTV2MESSAGEADD&", add.Body, StringComparison.Ordinal);
        Assert.Contains($"data%5Bbot%5D%5Bid%5D={botId}&", add.Body, StringComparison.Ordinal);
        Assert.Contains("data%5Bmessage%5D%5Btext%5D=Hello+bot%21&", add.Body, StringComparison.Ordinal);
        Assert.Contains("data%5Buser%5D%5Bdepartments%5D%5B0%5D=1&", add.Body, StringComparison.Ordinal);
        Assert.StartsWith("event=ONIMBOTV2JOINCHAT&", join.Body, StringComparison.Ordinal);

        var form = PhpForm.Decode(add.Body);
        var data = form["data"]!;
        Assert.Equal(Dialog(botId), data["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("hook", data["bot"]!["code"]!.GetValue<string>());
        Assert.Null(data["bot"]!["eventMode"]); // webhook mode: bot reduced to {id, code, auth}
        Assert.Equal("0", data["message"]!["isSystem"]!.GetValue<string>());
        Assert.Equal("1", data["user"]!["active"]!.GetValue<string>());
        Assert.Equal("0", data["user"]!["idle"]!.GetValue<string>());
        Assert.Null(data["message"]!["forward"]); // null is dropped by http_build_query
        Assert.Null(data["message"]!["params"]); // and so is an empty map
        Assert.Equal(Dialog(Admin), data["chat"]!["dialogId"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", form["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_CarriesBotSyntheticApplicationTokenOnlyAtTopLevel()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);
        var bot = Portal.FindBot("hook")!;

        await Portal.OpenPrivateChatAsync(Admin, bot.Id);

        var form = PhpForm.Decode((await receiver.NextAsync(Patience)).Body);
        var auth = form["auth"]!;
        Assert.Equal(bot.ApplicationToken, auth["application_token"]!.GetValue<string>());
        Assert.Equal(Emulator.BaseUrl.Authority, auth["domain"]!.GetValue<string>());
        Assert.Equal(new Uri(Emulator.BaseUrl, "rest/").ToString(), auth["client_endpoint"]!.GetValue<string>());
        Assert.NotNull(auth["member_id"]);
        var botAuth = form["data"]!["bot"]!["auth"]!;
        Assert.NotNull(botAuth["access_token"]);
        Assert.Equal("3600", botAuth["expires_in"]!.GetValue<string>());
        Assert.NotEqual(bot.ApplicationToken, botAuth["application_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailedDelivery_IsRecordedAndNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ResponseStatus = 500;
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);

        await Portal.OpenPrivateChatAsync(Admin, botId);

        var delivery = Assert.Single(Portal.WebhookDeliveries);
        Assert.Equal(500, delivery.StatusCode);
        Assert.False(delivery.Succeeded);
        Assert.Equal("ONIMBOTV2JOINCHAT", delivery.EventType);
        await receiver.NextAsync(Patience);
        Assert.False(receiver.TryTake(out _));
    }

    [Fact]
    public async Task UnreachableWebhook_IsRecordedAsFailure()
    {
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: new Uri("http://127.0.0.1:9/nothing"));

        await Portal.OpenPrivateChatAsync(Admin, botId);

        var delivery = Assert.Single(Portal.WebhookDeliveries);
        Assert.Null(delivery.StatusCode);
        Assert.NotNull(delivery.Failure);
    }

    [Fact]
    public async Task Unregister_DeleteEventIsDeliveredLast()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "bye");

        await Portal.UnregisterBotAsync("hook");

        var events = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(PhpForm.Decode((await receiver.NextAsync(Patience)).Body)["event"]!.GetValue<string>());
        }

        Assert.Equal(["ONIMBOTV2JOINCHAT", "ONIMBOTV2MESSAGEADD", "ONIMBOTV2DELETE"], events);
        Assert.Null(Portal.FindBot("hook"));
    }

    [Fact]
    public async Task SwitchToFetch_QueuesInsteadOfPosting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);
        await Client.CallAsync("imbot.v2.Bot.update", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["fields"] = new JsonObject { ["eventMode"] = "fetch" },
        });

        await Portal.OpenPrivateChatAsync(Admin, botId);

        Assert.Empty(Portal.WebhookDeliveries);
        Assert.Single((await Client.EventGetAsync(botId, Token))["events"]!.AsArray());
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
