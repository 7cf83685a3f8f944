using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class OAuthTests : EmulatorTest
{
    [Fact]
    public async Task InstallApp_PostsOnAppInstallFormWithTokensAndApplicationToken()
    {
        await using var app = await WebhookReceiver.StartAsync();

        Assert.Equal(200, await Portal.OAuth.InstallAppAsync(app.Url));

        var install = await app.NextAsync(Patience);
        Assert.Equal("application/x-www-form-urlencoded", install.ContentType);
        Assert.Contains("auth%5Brefresh_token%5D=", install.Body, StringComparison.Ordinal);
        var form = PhpForm.Decode(install.Body);
        Assert.Equal("ONAPPINSTALL", form["event"]!.GetValue<string>());
        Assert.Equal(Portal.OAuth.MemberId, form["auth"]!["member_id"]!.GetValue<string>());
        Assert.Equal(Portal.OAuth.ApplicationToken, form["auth"]!["application_token"]!.GetValue<string>());
        Assert.Equal(new Uri(Emulator.BaseUrl, "rest/").ToString(), form["auth"]!["client_endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthCall_ValidToken_RegistersBotWithoutBotToken_ExpiredToken_Answers401ExpiredToken()
    {
        var (access, _) = await InstallAsync();

        var registered = await OAuthCallAsync("imbot.v2.Bot.register", access, new JsonObject
        {
            ["fields"] = new JsonObject { ["code"] = "app_bot", ["properties"] = new JsonObject { ["name"] = "App bot" } },
        });
        Assert.Equal(200, registered.Status);
        Portal.OAuth.ExpireAccessTokens();
        var expired = await OAuthCallAsync("imbot.v2.Bot.list", access);
        var unknown = await OAuthCallAsync("imbot.v2.Bot.list", "not-a-token");

        Assert.Equal((401, "expired_token"), (expired.Status, expired.Error));
        Assert.Equal((401, "NO_AUTH_FOUND"), (unknown.Status, unknown.Error));
    }

    [Fact]
    public async Task TokenEndpoint_RefreshRotatesPair_OldRefreshTokenThenInvalidGrant()
    {
        var (access, refresh) = await InstallAsync();
        Portal.OAuth.ExpireAccessTokens();

        var first = await TokenAsync(refresh);
        var again = await TokenAsync(refresh);

        Assert.Equal(200, first.Status);
        var newAccess = first.Body["access_token"]!.GetValue<string>();
        Assert.NotEqual(access, newAccess);
        Assert.NotEqual(refresh, first.Body["refresh_token"]!.GetValue<string>());
        Assert.Equal("oauth.bitrix.info", first.Body["domain"]!.GetValue<string>());
        Assert.Equal((400, "invalid_grant"), (again.Status, again.Error));
        Assert.Equal(200, (await OAuthCallAsync("imbot.v2.Bot.list", newAccess)).Status);
        Assert.Equal(1, Portal.OAuth.Server.RefreshCount);
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_InvalidClient()
    {
        var (_, refresh) = await InstallAsync();

        var answer = await PortalClient.Http.GetAsync(new Uri(Emulator.OAuthServerUrl,
            $"oauth/token/?grant_type=refresh_token&client_id={Portal.OAuth.Server.ClientId}&client_secret=wrong&refresh_token={refresh}"));

        Assert.Equal(401, (int)answer.StatusCode);
    }

    [Fact]
    public async Task EventBind_Uninstall_ReceivesOnAppUninstallWithoutTokens_AndTokensRevoked()
    {
        var (access, _) = await InstallAsync();
        await using var handler = await WebhookReceiver.StartAsync();
        var bound = await OAuthCallAsync("event.bind", access, new JsonObject { ["event"] = "ONAPPUNINSTALL", ["handler"] = handler.Url.ToString() });
        var viaWebhook = await Client.CallAsync("event.bind", new JsonObject { ["event"] = "ONAPPUNINSTALL", ["handler"] = handler.Url.ToString() });
        Assert.Equal(200, bound.Status);
        Assert.Equal("WRONG_AUTH_TYPE", viaWebhook.Error);

        Assert.Equal(200, await Portal.OAuth.UninstallAppAsync(clean: true));

        var form = PhpForm.Decode((await handler.NextAsync(Patience)).Body);
        Assert.Equal("ONAPPUNINSTALL", form["event"]!.GetValue<string>());
        Assert.Equal("1", form["data"]!["CLEAN"]!.GetValue<string>());
        Assert.Null(form["auth"]!["access_token"]);
        Assert.Equal(401, (await OAuthCallAsync("imbot.v2.Bot.list", access)).Status);
    }

    [Fact]
    public async Task UserAdmin_TellsTheTokensUser_AdministratorTrue_OtherUserFalse_RefreshKeepsTheUser()
    {
        var (adminAccess, _) = await InstallAsync();
        var user = Portal.AddUser("Eve", "User");
        var (userAccess, userRefresh) = Portal.OAuth.IssueUserTokens(user.Id);

        var admin = await OAuthCallAsync("user.admin", adminAccess);
        var other = await OAuthCallAsync("user.admin", userAccess);
        var refreshed = await TokenAsync(userRefresh);
        var afterRefresh = await OAuthCallAsync("user.admin", refreshed.Body["access_token"]!.GetValue<string>());
        var viaWebhook = await Client.CallAsync("user.admin", []);

        Assert.True(admin.Ok().GetValue<bool>());
        Assert.False(other.Ok().GetValue<bool>());
        Assert.Equal(user.Id, refreshed.Body["user_id"]!.GetValue<int>());
        Assert.False(afterRefresh.Ok().GetValue<bool>());
        Assert.True(viaWebhook.Ok().GetValue<bool>()); // the emulated incoming webhook is the administrator's
    }

    private async Task<(string Access, string Refresh)> InstallAsync()
    {
        await using var app = await WebhookReceiver.StartAsync();
        await Portal.OAuth.InstallAppAsync(app.Url);
        var auth = PhpForm.Decode((await app.NextAsync(Patience)).Body)["auth"]!;
        return (auth["access_token"]!.GetValue<string>(), auth["refresh_token"]!.GetValue<string>());
    }

    private Task<ApiAnswer> OAuthCallAsync(string method, string access, JsonObject? body = null)
    {
        body ??= [];
        body["auth"] = access;
        return new PortalClient(new Uri(Emulator.BaseUrl, "rest/")).CallAsync(method, body);
    }

    private async Task<ApiAnswer> TokenAsync(string refresh) =>
        await new PortalClient(Emulator.OAuthServerUrl).GetAsync(
            $"oauth/token/?grant_type=refresh_token&client_id={Portal.OAuth.Server.ClientId}&client_secret={Portal.OAuth.Server.ClientSecret}&refresh_token={refresh}");
}
