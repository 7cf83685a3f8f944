using System.Net;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.IntegrationTests;

/// <summary>Application (OAuth) mode end to end against the emulator's OAuth server (issue 5).</summary>
[Collection(RedisCollection.Name)]
public sealed class OAuthApplicationTests(RedisFixture redis)
{
    [Fact]
    public async Task Install_Converse_TokenExpiresWhileThreeReplicasRace_OneRefresh_ThenUninstallStopsServing()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        var config = redis.Server.ConfigurationString;
        await using var first = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, config, "fetch"), typeof(EchoBot));
        await using var second = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, config, "fetch"), typeof(EchoBot));
        await using var third = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, config, "fetch"), typeof(EchoBot));

        Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(new Uri(first.BaseUrl, "bitrix/install")));
        var bots = await Task.WhenAll(new[] { first, second, third }.Select(h => OAuthHosts.WaitForBotAsync(h, emulator, "echo")));
        Assert.NotNull(emulator.Portal.FindBot("echo")); // registered without a botToken: the application owns it
        Assert.Equal(new Uri(first.BaseUrl, "bitrix/uninstall"), emulator.Portal.OAuth.UninstallHandler);

        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("before expiry");
        await chat.ExpectAsync("You said: before expiry");

        emulator.Portal.OAuth.ExpireAccessTokens();
        var refreshesBefore = server.RefreshCount;
        // Every replica calls with its cached, now expired token at once: one refreshes, the others reuse the pair.
        await Task.WhenAll(bots.Select(b => b.Client.CallAsync(new RevisionGetRequest(), CancellationToken.None)));
        await chat.SayAsync("after expiry");
        await chat.ExpectAsync("You said: after expiry");
        Assert.Equal(refreshesBefore + 1, server.RefreshCount);
        Assert.Equal(0, server.InvalidGrantCount);

        Assert.Equal(200, await emulator.Portal.OAuth.UninstallAppAsync(clean: true));
        await Task.WhenAll(new[] { first, second, third }.Select(h => OAuthHosts.WaitForPortalGoneAsync(h, emulator)));
        var store = first.Services.GetRequiredService<IPortalStore>();
        Assert.Empty(await store.ListAsync(CancellationToken.None));
        Assert.Null(await first.Services.GetRequiredService<ITokenStore>().GetAsync(emulator.Portal.OAuth.MemberId, CancellationToken.None));
        Assert.Null(await first.Services.GetRequiredService<IBotRegistrationStore>().GetAsync(OAuthHosts.KeyOf(emulator), "echo", CancellationToken.None));
    }

    [Fact]
    public async Task TwoPortals_ServedAtOnce_StateKeptApart()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        await using var portalA = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var portalB = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(portalA, server, redis.Server.ConfigurationString, "fetch"), typeof(EchoBot));

        await portalA.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        await portalB.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        var botA = await OAuthHosts.WaitForBotAsync(host, portalA, "echo");
        var botB = await OAuthHosts.WaitForBotAsync(host, portalB, "echo");

        var chatA = new Chat(portalA, "echo");
        var chatB = new Chat(portalB, "echo");
        await chatA.SayAsync("to A");
        await chatB.SayAsync("to B");
        await chatA.ExpectAsync("You said: to A");
        await chatB.ExpectAsync("You said: to B");

        Assert.NotEqual(botA.Portal.Key, botB.Portal.Key);
        Assert.DoesNotContain(chatA.BotMessages, m => m.Text.Contains("to B", StringComparison.Ordinal));
        Assert.DoesNotContain(chatB.BotMessages, m => m.Text.Contains("to A", StringComparison.Ordinal));
        var registrations = host.Services.GetRequiredService<IBotRegistrationStore>();
        Assert.Equal(portalA.Portal.FindBot("echo")!.Id, (await registrations.GetAsync(botA.Portal.Key, "echo", CancellationToken.None))!.BotId);
        Assert.Equal(portalB.Portal.FindBot("echo")!.Id, (await registrations.GetAsync(botB.Portal.Key, "echo", CancellationToken.None))!.BotId);
        Assert.Equal(2, (await host.Services.GetRequiredService<IPortalStore>().ListAsync(CancellationToken.None)).Count);

        // Portal A's tokens expire: only A refreshes, B's calls go on with B's token.
        var refreshesBefore = server.RefreshCount;
        portalA.Portal.OAuth.ExpireAccessTokens();
        await chatA.SayAsync("A again");
        await chatA.ExpectAsync("You said: A again");
        await chatB.SayAsync("B again");
        await chatB.ExpectAsync("You said: B again");
        Assert.Equal(refreshesBefore + 1, server.RefreshCount);
    }

    [Fact]
    public async Task WebhookEvent_ForgedApplicationToken_Rejected403AndNothingHandled()
    {
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "webhook"), typeof(EchoBot));
        await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
        var bot = emulator.Portal.FindBot("echo")!;

        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("genuine");
        await chat.ExpectAsync("You said: genuine");
        var repliesBefore = chat.BotMessages.Count;

        using var http = new HttpClient();
        var memberId = emulator.Portal.OAuth.MemberId;
        var forged = await PostFormAsync(http, bot.WebhookUrl!, Body(bot.Id, memberId, "forged-application-token"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherPortal = await PostFormAsync(http, bot.WebhookUrl!, Body(bot.Id, "another-member-id", emulator.Portal.OAuth.ApplicationToken));
        Assert.Equal(HttpStatusCode.Forbidden, otherPortal.StatusCode);
        var forgedInstall = await emulator.Portal.OAuth.PostAsync(new Uri(host.BaseUrl, "bitrix/install"), ForgedInstall(memberId));
        Assert.Equal(403, forgedInstall);
        Assert.Equal(emulator.Portal.OAuth.ApplicationToken, (await host.Services.GetRequiredService<IPortalStore>().GetAsync(memberId, CancellationToken.None))!.ApplicationToken);
        var forgedUninstall = await emulator.Portal.OAuth.PostAsync(
            new Uri(host.BaseUrl, "bitrix/uninstall"), emulator.Portal.OAuth.UninstallPayload(clean: true, "forged-application-token"));
        Assert.Equal(403, forgedUninstall);

        await chat.SayAsync("still served");
        await chat.ExpectAsync("You said: still served");
        Assert.Equal(repliesBefore + 1, chat.BotMessages.Count);
    }

    [Fact]
    public async Task Uninstall_WhosePurgeFails_IsStillAnswered200_AndStopsServingThePortal()
    {
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        var purge = new Mock<IPortalStatePurge>();
        purge.Setup(p => p.PurgeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("Redis did not answer"));
        var settings = OAuthHosts.Settings(emulator, server, redis: null, "webhook");
        settings.Services = services => services.AddSingleton(purge.Object);
        await using var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
        await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install"));
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo");

        Assert.Equal(200, await emulator.Portal.OAuth.UninstallAppAsync(clean: true));

        purge.Verify(p => p.PurgeAsync(OAuthHosts.KeyOf(emulator), It.IsAny<CancellationToken>()), Times.Once);
        await OAuthHosts.WaitForPortalGoneAsync(host, emulator);
    }

    // A real portal's member_id with the forger's endpoint and tokens: the OAuth server does not know the refresh token.
    private static System.Text.Json.Nodes.JsonObject ForgedInstall(string memberId) => new()
    {
        ["event"] = "ONAPPINSTALL",
        ["data"] = new System.Text.Json.Nodes.JsonObject { ["VERSION"] = "1", ["ACTIVE"] = "Y", ["INSTALLED"] = "Y" },
        ["auth"] = new System.Text.Json.Nodes.JsonObject
        {
            ["access_token"] = "forged-access",
            ["refresh_token"] = "forged-refresh",
            ["expires_in"] = 3600,
            ["domain"] = "attacker.example",
            ["client_endpoint"] = "https://attacker.example/rest/",
            ["member_id"] = memberId,
            ["application_token"] = "forged-application-token",
        },
    };

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient http, Uri url, string body) => WebhookForms.PostAsync(http, url, body);

    private static string Body(int botId, string memberId, string applicationToken) => WebhookForms.MessageAdded(botId, applicationToken, memberId);
}
