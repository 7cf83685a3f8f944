using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatBotHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ChatBotHost.Bench;

/// <summary>The real host, in this process, with the given settings and bots; started when every bot is registered.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchHost> StartAsync(IDictionary<string, string?> settings, int port, params Type[] bots)
    {
        var app = await ChatBotHostApp.BuildAsync(
            ["--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--environment", "Benchmark"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddSingleton(new BotTypes(bots));
            });
        await app.StartAsync();
        await Task.WhenAll(app.Services.GetRequiredService<BotDirectory>().All.Select(b => b.Ready)).WaitAsync(TimeSpan.FromSeconds(30));
        return new BenchHost(app);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
