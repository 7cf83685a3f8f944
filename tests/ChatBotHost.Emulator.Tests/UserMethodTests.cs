using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class UserMethodTests : EmulatorTest
{
    [Fact]
    public async Task UserCurrent_ViaWebhook_IsTheWebhooksAdministrator_InUserGetShape()
    {
        var me = (await Client.CallAsync("user.current")).Ok();

        Assert.Equal("1", me["ID"]!.GetValue<string>());
        Assert.True(me["ACTIVE"]!.GetValue<bool>());
        Assert.Equal(("John", "Smith", "Developer"), (me["NAME"]!.GetValue<string>(), me["LAST_NAME"]!.GetValue<string>(), me["WORK_POSITION"]!.GetValue<string>()));
        Assert.Equal("john.smith@example.com", me["EMAIL"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserCurrent_ViaApplication_IsTheTokensUser()
    {
        await AppClient.InstallAsync(Emulator, Patience);
        var eve = Portal.AddUser("Eve", "Stone");
        var (access, _) = Portal.OAuth.IssueUserTokens(eve.Id);

        var me = await new PortalClient(new Uri(Emulator.BaseUrl, "rest/")).CallAsync("user.current", new JsonObject { ["auth"] = access });

        Assert.Equal(eve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me.Ok()["ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserGet_ListsPeopleNotBots_WithTotal_FilterById()
    {
        await Client.RegisterBotAsync("helper", Token);
        var eve = Portal.AddUser("Eve", "Stone");

        var all = await Client.CallAsync("user.get");
        var byFilter = await Client.CallAsync("user.get", new JsonObject { ["FILTER"] = new JsonObject { ["ID"] = eve.Id } });
        var byTopLevel = await Client.CallFormAsync("user.get", $"ID={eve.Id}");

        Assert.Equal(["1", eve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], all.Ok().AsArray().Select(u => u!["ID"]!.GetValue<string>()));
        Assert.Equal(2, all.Body["total"]!.GetValue<int>());
        Assert.Null(all.Body["next"]);
        Assert.Equal("Eve", Assert.Single(byFilter.Ok().AsArray())!["NAME"]!.GetValue<string>());
        Assert.Equal("Stone", Assert.Single(byTopLevel.Ok().AsArray())!["LAST_NAME"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserGet_PagesOf50_NextOnlyWhileMoreFollow()
    {
        for (var i = 0; i < 60; i++)
        {
            Portal.AddUser("User", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var first = await Client.CallAsync("user.get");
        var second = await Client.CallAsync("user.get", new JsonObject { ["start"] = 50 });

        Assert.Equal((50, 50, 61), (first.Ok().AsArray().Count, first.Body["next"]!.GetValue<int>(), first.Body["total"]!.GetValue<int>()));
        Assert.Equal(11, second.Ok().AsArray().Count);
        Assert.Null(second.Body["next"]);
        Assert.Equal(61, second.Body["total"]!.GetValue<int>());
        Assert.Equal(["result", "next", "total", "time"], first.Body.Select(p => p.Key));
    }
}
