using System.Net;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>
/// A web app with the host's metrics registration and its /metrics endpoint on a loopback port, and only what the queue
/// gauges read (an in-memory inbox, a send queue that sends nothing): the exporter is scraped over real HTTP.
/// </summary>
internal sealed class MetricsScrapeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private MetricsScrapeHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = baseUrl };
    }

    public IServiceProvider Services => _app.Services;

    public HostMetrics Metrics => _app.Services.GetRequiredService<HostMetrics>();

    public static async Task<MetricsScrapeHost> StartAsync(
        IEnumerable<HostedBot>? bots = null, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<IInboxStore>(new InMemoryInboxStore());
        builder.Services.AddSingleton(new BotDirectory(bots ?? []));
        builder.Services.AddSingleton<ISentLedger>(new InMemorySentLedger());
        builder.Services.AddSingleton<IDeadLetterStore>(new InMemoryDeadLetterStore());
        builder.Services.AddSingleton(Mock.Of<IBotClientSource>());
        builder.Services.AddOptions<ChatBotHost.Configuration.ChatBotHostOptions>();
        builder.Services.AddSendQueue();
        builder.Services.AddHostMetrics(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMetricsEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new MetricsScrapeHost(app, new Uri(address));
    }

    /// <summary>GET /metrics as Prometheus scrapes it by default (no Accept header: the text format 0.0.4).</summary>
    public async Task<PrometheusScrape> ScrapeAsync(string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(MetricsEndpoints.Path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    public async Task<HttpStatusCode> StatusOfAsync(HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, new Uri(MetricsEndpoints.Path, UriKind.Relative));
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
