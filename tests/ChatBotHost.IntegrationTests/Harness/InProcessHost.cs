using System.Globalization;
using ChatBotHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>The real host (Kestrel on loopback, the production service graph) started inside the test process.</summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;

    private InProcessHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host with the given bots and waits until each is registered on the portal.</summary>
    public static async Task<InProcessHost> StartAsync(HostSettings settings, params Type[] bots)
    {
        var port = settings.Port.ToString(CultureInfo.InvariantCulture);
        var app = await ChatBotHostApp.BuildAsync(
            ["--urls", $"http://127.0.0.1:{port}", "--environment", "Testing"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings.Values);
                builder.Services.AddSingleton(new BotTypes(bots));
                settings.Services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        var directory = app.Services.GetRequiredService<BotDirectory>();
        await Task.WhenAll(directory.All.Select(b => b.Ready)).WaitAsync(StartTimeout);
        return new InProcessHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Starts the host serving its bots folder (ChatBotHost:BotsPath in the settings), as operators run it.</summary>
    public static async Task<InProcessHost> StartWithBotsFolderAsync(HostSettings settings)
    {
        var port = settings.Port.ToString(CultureInfo.InvariantCulture);
        var app = await ChatBotHostApp.BuildAsync(
            ["--urls", $"http://127.0.0.1:{port}", "--environment", "Testing"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings.Values);
                settings.Services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        await Task.WhenAll(app.Services.GetRequiredService<BotDirectory>().All.Select(b => b.Ready)).WaitAsync(StartTimeout);
        return new InProcessHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Stops the host as SIGTERM would (graceful shutdown); disposing afterwards is still needed.</summary>
    public Task StopAsync() => _app.StopAsync();

    public HostedBot Bot(string code) => Services.GetRequiredService<BotDirectory>().FindByCode(code)!;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
