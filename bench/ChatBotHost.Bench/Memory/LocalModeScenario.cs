using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// Local mode as `dotnet run` starts it: Development environment, no portal, no Redis — the built-in emulator runs in
/// the host's process (so its messages count too) and the events are typed into its chat page's API, as the page does.
/// </summary>
internal sealed class LocalModeScenario : MemoryScenario
{
    private string _echo = "";

    public override string Name => "local mode (emulator in-process, state in memory)";

    protected override Dictionary<string, string> YardstickEnvironment(RedisServer? redis) =>
        new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    protected override Task<HostProcess> StartHostAsync(HttpClient http) =>
        Task.FromResult(HostProcess.Start(BenchHost.FreePort(), new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }));

    protected override async Task PrepareAsync(HttpClient http, HostProcess host)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var list = await http.GetFromJsonAsync<JsonObject>(new Uri(host.BaseUrl, "emulator/api/dialogs"));
            var echo = list?["dialogs"]?.AsArray().FirstOrDefault(d => (string?)d?["code"] == "echo");
            if (echo is not null)
            {
                _echo = ((int)echo["botId"]!).ToString(CultureInfo.InvariantCulture);
                break;
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"The echo bot was not registered within a minute:{Environment.NewLine}{host.Output()}");
            }

            await Task.Delay(200);
        }

        using var open = await http.PostAsJsonAsync(new Uri(host.BaseUrl, $"emulator/api/dialogs/{_echo}/open"), new JsonObject());
        open.EnsureSuccessStatusCode();
    }

    protected override Task SendAsync(HttpClient http, HostProcess host, int events) => SendConcurrentlyAsync(events, async n =>
    {
        using var sent = await http.PostAsJsonAsync(
            new Uri(host.BaseUrl, $"emulator/api/dialogs/{_echo}/messages"),
            new JsonObject { ["text"] = $"load {n.ToString(CultureInfo.InvariantCulture)}" });
        sent.EnsureSuccessStatusCode();
    });

    protected override async Task<int> RepliesAsync(HttpClient http, HostProcess host)
    {
        var list = await http.GetFromJsonAsync<JsonObject>(new Uri(host.BaseUrl, $"emulator/api/dialogs/{_echo}/messages"));
        return list?["messages"]?.AsArray().Count(m => (bool?)m?["fromBot"] == true && IsLoadReply((string?)m?["text"] ?? "")) ?? 0;
    }
}
