using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// What an install must prove (issue 12): the OAuth server confirms the refresh token, a re-install of a known portal
/// comes from a portal administrator (user.admin), the endpoints come from the OAuth server and never from the form,
/// and attempts are rate-limited per portal.
/// </summary>
public sealed class OAuthInstallProofTests
{
    [Fact]
    public async Task Reinstall_ByAdministrator_AcceptedWithTheNewApplicationToken()
    {
        await using var bed = await Bed.StartAsync();
        var firstToken = bed.Emulator.Portal.OAuth.ApplicationToken;

        Assert.Equal(200, await bed.Emulator.Portal.OAuth.InstallAppAsync(bed.InstallUrl));

        var record = await bed.RecordAsync();
        Assert.NotEqual(firstToken, record.ApplicationToken);
        Assert.Equal(bed.Emulator.Portal.OAuth.ApplicationToken, record.ApplicationToken);
        Assert.Contains(bed.Emulator.Portal.Calls, c => c.Method == "user.admin" && c.StatusCode == 200);
    }

    [Fact]
    public async Task Reinstall_WithNonAdministratorsConfirmedTokens_Refused403_NothingStoredChanges()
    {
        await using var bed = await Bed.StartAsync();
        var before = await bed.RecordAsync();
        var tokensBefore = await bed.TokensAsync();
        var user = bed.Emulator.Portal.AddUser("Eve", "User");
        var (access, refresh) = bed.Emulator.Portal.OAuth.IssueUserTokens(user.Id);

        var status = await bed.Emulator.Portal.OAuth.PostAsync(bed.InstallUrl, Install(bed.MemberId, access, refresh, "attacker-application-token", "https://attacker.example/rest/"));

        Assert.Equal(403, status);
        Assert.Equal(before, await bed.RecordAsync());
        Assert.Equal(tokensBefore, await bed.TokensAsync());
        Assert.Contains(bed.Emulator.Portal.Calls, c => c.Method == "user.admin" && c.StatusCode == 200);
        // The genuine installation keeps working: its events still pass the application_token check.
        var chat = new Chat(bed.Emulator, "echo");
        await chat.SayAsync("still mine");
        await chat.ExpectAsync("You said: still mine");
    }

    [Fact]
    public async Task FirstInstall_FormNamesAnotherEndpointAndDomain_TheOAuthServersAreStored()
    {
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        // The application is installed on the portal, but this host has never heard of it: a first install.
        await using var elsewhere = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "webhook"), typeof(EchoBot));
        await emulator.Portal.OAuth.InstallAppAsync(new Uri(elsewhere.BaseUrl, "bitrix/install"));
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "webhook"), typeof(EchoBot));
        var (access, refresh) = emulator.Portal.OAuth.IssueUserTokens(emulator.Portal.AdminUserId);

        var status = await emulator.Portal.OAuth.PostAsync(new Uri(host.BaseUrl, "bitrix/install"),
            Install(emulator.Portal.OAuth.MemberId, access, refresh, emulator.Portal.OAuth.ApplicationToken, "https://attacker.example/rest/", "attacker.example"));

        Assert.Equal(200, status);
        var record = await host.Services.GetRequiredService<IPortalStore>().GetAsync(emulator.Portal.OAuth.MemberId, CancellationToken.None);
        Assert.Equal(new Uri(emulator.BaseUrl, "rest/").AbsoluteUri, record!.ClientEndpoint);
        Assert.Equal(emulator.BaseUrl.Authority, record.Domain);
        await OAuthHosts.WaitForBotAsync(host, emulator, "echo"); // registered on the genuine portal
    }

    [Fact]
    public async Task InstallAttempts_PastTheBurstForOnePortal_Answered429WithRetryAfter_OtherPortalsUnaffected()
    {
        await using var bed = await Bed.StartAsync();
        using var http = new HttpClient();
        var forged = Install(bed.MemberId, "forged-access", "forged-refresh", "forged-application-token", "https://attacker.example/rest/");

        // The genuine install took one attempt; four forged ones are refused by the OAuth server, the next is throttled.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await PostAsync(http, bed.InstallUrl, forged);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Forbidden, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        last.Dispose();
        // Even a genuine re-install waits now; another portal's install is counted apart.
        Assert.Equal(429, await bed.Emulator.Portal.OAuth.InstallAppAsync(bed.InstallUrl));
        using var other = await PostAsync(http, bed.InstallUrl, Install("another-member", "forged-access", "forged-refresh", "x", "https://attacker.example/rest/"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Install_UndecodableForm_Answered400()
    {
        await using var bed = await Bed.StartAsync();
        using var http = new HttpClient();

        using var answer = await http.PostAsync(bed.InstallUrl, new StringContent("event=ONAPPINSTALL&auth%5Bmember_id%5D=", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, JsonObject payload) =>
        http.PostAsync(url, new StringContent(PhpForm.Encode(payload), Encoding.UTF8, "application/x-www-form-urlencoded"));

    // An ONAPPINSTALL as a sender writes it: the tokens may be genuine, the rest is the sender's choice.
    private static JsonObject Install(string memberId, string access, string refresh, string applicationToken, string endpoint, string domain = "attacker.example") => new()
    {
        ["event"] = "ONAPPINSTALL",
        ["data"] = new JsonObject { ["VERSION"] = "1", ["ACTIVE"] = "Y", ["INSTALLED"] = "Y", ["LANGUAGE_ID"] = "en" },
        ["auth"] = new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["expires_in"] = "3600",
            ["domain"] = domain,
            ["client_endpoint"] = endpoint,
            ["member_id"] = memberId,
            ["application_token"] = applicationToken,
        },
    };

    /// <summary>An emulated portal with the application installed on one in-memory host in webhook mode.</summary>
    private sealed class Bed(BitrixEmulator emulator, InProcessHost host) : IAsyncDisposable
    {
        public BitrixEmulator Emulator => emulator;

        public Uri InstallUrl => new(host.BaseUrl, "bitrix/install");

        public string MemberId => emulator.Portal.OAuth.MemberId;

        public static async Task<Bed> StartAsync()
        {
            var server = new OAuthServer();
            var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
            var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis: null, "webhook"), typeof(EchoBot));
            var bed = new Bed(emulator, host);
            Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(bed.InstallUrl));
            await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
            return bed;
        }

        public async Task<PortalRecord> RecordAsync() =>
            (await host.Services.GetRequiredService<IPortalStore>().GetAsync(MemberId, CancellationToken.None))!;

        public async Task<OAuthTokens> TokensAsync() =>
            (await host.Services.GetRequiredService<ITokenStore>().GetAsync(MemberId, CancellationToken.None))!;

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }
}
