using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Bench;

/// <summary>The baseline: Kestrel on loopback with one endpoint that reads the form body and answers 200.</summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<BareEndpoint> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapPost("/bare", async (HttpRequest request) =>
        {
            // Read the body like the host must, so the baseline is not flattered by skipping it.
            await request.ReadFormAsync();
            return Results.Ok();
        });
        await app.StartAsync();
        return new BareEndpoint(app, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/bare"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
