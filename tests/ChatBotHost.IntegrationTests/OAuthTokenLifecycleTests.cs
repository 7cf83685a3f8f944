using System.Net;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Hosting;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>Application-mode token care: event tokens, invalid_grant and re-installation, the install page.</summary>
public sealed class OAuthTokenLifecycleTests
{
    [Fact]
    public async Task WebhookEvent_CarriesFresherAccessToken_RepliesWithItWithoutRefreshing()
    {
        // The emulator's clock runs ahead, so the token it puts into data.bot.auth outlives the stored one.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server, TimeProvider = clock }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "webhook"), typeof(EchoBot));
        await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
        var chat = new Chat(emulator, "echo");

        var refreshesBefore = server.RefreshCount; // the install itself was verified with one refresh
        clock.Advance(TimeSpan.FromMinutes(10));
        emulator.Portal.OAuth.ExpireAccessTokens();
        await chat.SayAsync("with the event's token");

        await chat.ExpectAsync("You said: with the event's token");
        Assert.Equal(refreshesBefore, server.RefreshCount);
    }

    [Fact]
    public async Task RefreshRefusedWithInvalidGrant_PortalNeedsReinstallAndStops_ReinstallServesAgain()
    {
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "fetch"), typeof(EchoBot));
        var install = new Uri(host.BaseUrl, "bitrix/install");
        await emulator.Portal.OAuth.InstallAppAsync(install);
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");

        emulator.Portal.OAuth.ExpireRefreshTokens();
        emulator.Portal.OAuth.ExpireAccessTokens();
        await OAuthHosts.WaitForPortalGoneAsync(host, emulator); // the poller's next call meets expired_token, then invalid_grant

        var portals = host.Services.GetRequiredService<IPortalStore>();
        var record = Assert.Single(await portals.ListAsync(CancellationToken.None));
        Assert.Equal(PortalStatus.NeedsReinstall, record.Status);

        await emulator.Portal.OAuth.InstallAppAsync(install);
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("back again");
        await chat.ExpectAsync("You said: back again");
        Assert.Equal(PortalStatus.Active, Assert.Single(await portals.ListAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task InstallPagePost_StoresPortalAndAnswersPageCallingInstallFinish()
    {
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "fetch"), typeof(EchoBot));
        await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
        var memberId = emulator.Portal.OAuth.MemberId;
        var tokens = (await host.Services.GetRequiredService<ITokenStore>().GetAsync(memberId, CancellationToken.None))!;

        // As the portal's install frame posts it: tokens in the form, the portal in the query.
        using var http = new HttpClient();
        var url = new Uri(host.BaseUrl, $"bitrix/install?DOMAIN={Uri.EscapeDataString(emulator.BaseUrl.Authority)}&PROTOCOL=0&LANG=en&APP_SID=x");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AUTH_ID"] = tokens.AccessToken,
            ["AUTH_EXPIRES"] = "3600",
            ["REFRESH_ID"] = tokens.RefreshToken,
            ["member_id"] = memberId,
            ["status"] = "L",
            ["APPLICATION_TOKEN"] = emulator.Portal.OAuth.ApplicationToken,
            ["PLACEMENT"] = "DEFAULT",
        });
        using var answer = await http.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BX24.installFinish()", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var record = await host.Services.GetRequiredService<IPortalStore>().GetAsync(memberId, CancellationToken.None);
        Assert.Equal(new Uri(emulator.BaseUrl, "rest/").ToString(), record!.ClientEndpoint);
        Assert.Equal(PortalStatus.Active, record.Status);
        Assert.NotNull(host.Services.GetRequiredService<BotDirectory>().Find(OAuthHosts.KeyOf(emulator), "echo"));
    }
}
