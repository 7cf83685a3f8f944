using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatBotHost.StackFloor;

/// <summary>An empty page of events.</summary>
internal sealed record EventPage(string[] Events, int NextOffset);

[JsonSerializable(typeof(EventPage))]
internal sealed partial class EventPageJson : JsonSerializerContext;

/// <summary>
/// Five bots polling in fetch mode, as the host's sample bots do at idle: one Event.get each every 10 s (Fetch:IdleDelay).
/// The page comes from this process's own endpoint, so the server side of a poll runs here too, as the in-process
/// emulator's does in the host's local mode.
/// </summary>
internal sealed class PollLoop(IHttpClientFactory clients, IServer server) : BackgroundService
{
    public const string HttpClientName = "portal";
    private const int Bots = 5;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server has no addresses feature.");
        while (addresses.Addresses.Count == 0)
        {
            await Task.Delay(100, stoppingToken);
        }

        var page = new Uri(new Uri(addresses.Addresses.First()), "/rest/imbot.v2.Event.get");
        var client = clients.CreateClient(HttpClientName);
        using var timer = new PeriodicTimer(IdleDelay);
        do
        {
            for (var bot = 0; bot < Bots; bot++)
            {
                _ = await client.GetFromJsonAsync(page, EventPageJson.Default.EventPage, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
