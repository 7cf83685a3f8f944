using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class EventQueueTests : EmulatorTest
{
    [Fact]
    public async Task EventGet_WithoutOffsetAdvance_RedeliversTheSameEvents()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "hello");

        var first = await Client.EventGetAsync(botId, Token);
        var again = await Client.EventGetAsync(botId, Token);

        Assert.Equal(Ids(first), Ids(again));
        Assert.Equal(["ONIMBOTV2JOINCHAT", "ONIMBOTV2MESSAGEADD"], Types(first));
        Assert.Equal(1001, Ids(first)[0]);
    }

    [Fact]
    public async Task EventGet_WithOffset_AcknowledgesEverythingBelowIt()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "one");
        var first = await Client.EventGetAsync(botId, Token);
        var nextOffset = first["nextOffset"]!.GetValue<long>();
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "two");

        var second = await Client.EventGetAsync(botId, Token, nextOffset);
        var withoutOffset = await Client.EventGetAsync(botId, Token);

        Assert.Equal(Ids(first)[^1] + 1, nextOffset);
        var only = Assert.Single(second["events"]!.AsArray());
        Assert.Equal("two", only!["data"]!["message"]!["text"]!.GetValue<string>());
        Assert.Equal(Ids(second), Ids(withoutOffset)); // the acknowledged ones are gone for good
        Assert.Equal(1, Portal.FindBot("c")!.PendingEventCount);
    }

    [Fact]
    public async Task EventGet_EmptyQueue_NextOffsetIsOffsetGivenOrNextEventId()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        var noOffset = await Client.EventGetAsync(botId, Token);
        var withOffset = await Client.EventGetAsync(botId, Token, offset: 1234);

        Assert.Empty(noOffset["events"]!.AsArray());
        Assert.Equal(1001, noOffset["nextOffset"]!.GetValue<long>());
        Assert.False(noOffset["hasMore"]!.GetValue<bool>());
        Assert.Equal(1234, withOffset["nextOffset"]!.GetValue<long>());
    }

    [Fact]
    public async Task EventGet_Limit_PagesWithHasMore()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "one");
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "two");

        var page = await Client.EventGetAsync(botId, Token, limit: 2);
        var rest = await Client.EventGetAsync(botId, Token, page["nextOffset"]!.GetValue<long>(), limit: 2);

        Assert.True(page["hasMore"]!.GetValue<bool>());
        Assert.Equal(2, page["events"]!.AsArray().Count);
        Assert.False(rest["hasMore"]!.GetValue<bool>());
        Assert.Single(rest["events"]!.AsArray());
    }

    [Fact]
    public async Task MessageAddEvent_HasSpecShapeWithTypedScalars()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "Hello bot!");

        var evt = (await Client.EventGetAsync(botId, Token))["events"]!.AsArray()[1]!.AsObject();
        var data = evt["data"]!.AsObject();

        Assert.Equal("ONIMBOTV2MESSAGEADD", evt["type"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", evt["date"]!.GetValue<string>());
        Assert.Equal(botId, data["bot"]!["id"]!.GetValue<int>());
        Assert.Equal("fetch", data["bot"]!["eventMode"]!.GetValue<string>());
        Assert.Null(data["bot"]!["auth"]);
        Assert.IsType<JsonArray>(data["message"]!["params"]); // PHP's empty map
        Assert.False(data["message"]!["isSystem"]!.GetValue<bool>());
        Assert.Equal(Admin.ToString(CultureInfo.InvariantCulture), data["chat"]!["dialogId"]!.GetValue<string>());
        Assert.Equal("private", data["chat"]!["type"]!.GetValue<string>());
        Assert.Equal("John Smith", data["user"]!["name"]!.GetValue<string>());
        Assert.Equal(1, data["user"]!["departments"]![0]!.GetValue<int>());
        Assert.False(data["user"]!["phones"]!.GetValue<bool>());
        Assert.Equal("en", data["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventIds_ComeFromOneCounterAcrossBots()
    {
        var a = await Client.RegisterBotAsync("a", Token);
        var b = await Client.RegisterBotAsync("b", Token);
        await Portal.OpenPrivateChatAsync(Admin, a);
        await Portal.OpenPrivateChatAsync(Admin, b);

        var forA = Ids(await Client.EventGetAsync(a, Token));
        var forB = Ids(await Client.EventGetAsync(b, Token));

        Assert.Equal(new long[] { 1001 }, forA);
        Assert.Equal(new long[] { 1002 }, forB);
    }

    [Fact]
    public async Task OnFetchEventQueued_UserWritesToAFetchBot_IsToldTheBotsIdForEveryEventQueued()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var told = new List<int?>();
        Portal.OnFetchEventQueued(told.Add); // under the portal's lock: no other synchronisation needed

        await Portal.SendUserMessageAsync(Admin, Dialog(botId), "hello");

        Assert.Equal([botId, botId], told); // the bot joined the chat, then the message
        Assert.Equal(2, Portal.FindBot("c")!.PendingEventCount);
    }

    private static string Dialog(int botId) => botId.ToString(CultureInfo.InvariantCulture);

    private static long[] Ids(JsonObject result) =>
        [.. result["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<long>())];

    private static string[] Types(JsonObject result) =>
        [.. result["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];
}
