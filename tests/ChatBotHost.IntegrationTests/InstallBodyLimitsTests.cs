using System.Text.Json;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// /bitrix/install and /bitrix/uninstall are open to anyone before any check: their bodies are capped low and refused
/// while they are read, and a form the decoder refuses is 400 — before anything is decoded, verified or stored.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class InstallBodyLimitsTests(RedisFixture redis)
{
    [Theory]
    [InlineData("bitrix/install")]
    [InlineData("bitrix/uninstall")]
    public async Task HugeDeeplyNestedForm_Is413BeforeItIsDecoded(string path)
    {
        await using var bed = await StartAsync();

        // The reported attack: 6 MB, one key nested two million levels deep (it pinned a core for 75 s). The answer must
        // come from the announced length alone, so only the first bytes are sent: a host that waited for the rest (or
        // decoded it) would never answer, and the read below would time out.
        var answer = await bed.PostAnnouncingAsync(path, "x" + string.Concat(Enumerable.Repeat("[a]", 2_000_000)) + "=1", sendBytes: 4096);

        Assert.Equal((413, "The body exceeds 65536 bytes."), answer);
        Assert.Equal(0, bed.Server.RefreshCount);
    }

    [Theory]
    [InlineData("bitrix/install")]
    [InlineData("bitrix/uninstall")]
    public async Task ChunkedBodyOverTheCap_Is413WhileItArrives(string path)
    {
        await using var bed = await StartAsync();

        var answer = await bed.PostAsync(path, "event=ONAPPINSTALL&pad=" + new string('x', 200_000), chunked: true);

        Assert.Equal((413, "The body exceeds 65536 bytes."), answer);
    }

    [Fact]
    public async Task InstallWithADeepKey_Is400WithTheReasonAndNothingIsVerified()
    {
        await using var bed = await StartAsync();
        var install = "event=ONAPPINSTALL&data%5BVERSION%5D=1&data%5BACTIVE%5D=Y&data%5BINSTALLED%5D=Y"
            + "&auth%5Baccess_token%5D=a&auth%5Brefresh_token%5D=r&auth%5Bmember_id%5D=m&auth%5Bdomain%5D=forged.example"
            + "&auth%5Bclient_endpoint%5D=https%3A%2F%2Fforged.example%2Frest%2F&auth%5Bapplication_token%5D=t";
        var deep = "&x" + string.Concat(Enumerable.Repeat("%5Ba%5D", 200)) + "=1";

        var (status, detail) = await bed.PostAsync("bitrix/install", install + deep, chunked: false);

        Assert.Equal(400, status);
        Assert.StartsWith("The form cannot be read: ", detail, StringComparison.Ordinal);
        Assert.Equal(0, bed.Server.RefreshCount);
    }

    [Fact]
    public async Task UninstallWithinTheCap_IsStillDecodedAndChecked()
    {
        await using var bed = await StartAsync();

        var (status, _) = await bed.PostAsync("bitrix/uninstall", "event=ONAPPUNINSTALL&auth%5Bmember_id%5D=m&auth%5Bapplication_token%5D=t", chunked: false);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Uninstall_RedisDown_Is503WithAShortReason()
    {
        await using var ownRedis = await RedisServer.StartAsync();
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, ownRedis.ConfigurationString, "fetch"), typeof(EchoBot));
        var port = ownRedis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ownRedis.DisposeAsync();

        var (status, body) = await RawHttp.PostAsync(new Uri(host.BaseUrl, "bitrix/uninstall"), "application/x-www-form-urlencoded", "event=ONAPPUNINSTALL&auth%5Bmember_id%5D=m&auth%5Bapplication_token%5D=t");

        Assert.Equal(503, status);
        Assert.Contains("The host's state store is not available; try again later.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(port, body, StringComparison.Ordinal);
    }

    private async Task<Bed> StartAsync()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        var host = await InProcessHost.StartAsync(OAuthHosts.Settings(emulator, server, redis.Server.ConfigurationString, "fetch"), typeof(EchoBot));
        return new Bed(emulator, server, host);
    }

    private sealed class Bed(BitrixEmulator emulator, OAuthServer server, InProcessHost host) : IAsyncDisposable
    {
        public OAuthServer Server => server;

        public Task<(int Status, string? Detail)> PostAsync(string path, string body, bool chunked) => PostAnnouncingAsync(path, body, sendBytes: null, chunked);

        /// <summary>Posts by hand (see <see cref="RawHttp"/>), sending at most <paramref name="sendBytes"/> of the body.</summary>
        public async Task<(int Status, string? Detail)> PostAnnouncingAsync(string path, string body, int? sendBytes, bool chunked = false)
        {
            var (status, text) = await RawHttp.PostAsync(new Uri(host.BaseUrl, path), "application/x-www-form-urlencoded", body, chunked, sendBytes);
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return (status, json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }
}
