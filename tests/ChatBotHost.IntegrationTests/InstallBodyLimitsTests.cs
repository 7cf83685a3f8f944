using System.Text;
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
        private readonly HttpClient _http = new() { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        public OAuthServer Server => server;

        public async Task<(int Status, string? Detail)> PostAsync(string path, string body, bool chunked)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.TransferEncodingChunked = chunked;
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return ((int)response.StatusCode, json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }

        /// <summary>Sends the headers with the body's full Content-Length but only the first bytes of it, then reads the answer.</summary>
        public async Task<(int Status, string? Detail)> PostAnnouncingAsync(string path, string body, int sendBytes)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(host.BaseUrl.Host, host.BaseUrl.Port);
            var stream = tcp.GetStream();
            stream.ReadTimeout = 30_000;
            var head = $"POST /{path} HTTP/1.1\r\nHost: {host.BaseUrl.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + $"Content-Length: {bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, sendBytes));

            using var reader = new StreamReader(stream, Encoding.UTF8);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var status = int.Parse((await reader.ReadLineAsync(timeout.Token))!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var length = -1;
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(timeout.Token)))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var text = new StringBuilder();
            if (length >= 0)
            {
                text.Append(await ReadCharsAsync(reader, length, timeout.Token));
            }
            else
            {
                // Chunked: hex size lines, each followed by its data; a zero size ends it.
                while (int.Parse((await reader.ReadLineAsync(timeout.Token))!, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) is var size and > 0)
                {
                    text.Append(await ReadCharsAsync(reader, size, timeout.Token));
                    await reader.ReadLineAsync(timeout.Token);
                }
            }

            using var json = JsonDocument.Parse(text.ToString());
            return (status, json.RootElement.GetProperty("detail").GetString());
        }

        // The answers are ASCII JSON, so characters and bytes agree.
        private static async Task<string> ReadCharsAsync(StreamReader reader, int count, CancellationToken cancellationToken)
        {
            var buffer = new char[count];
            var read = 0;
            while (read < count)
            {
                read += await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            }

            return new string(buffer);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await host.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }
}
