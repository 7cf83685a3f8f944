using System.Net;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Emulator;

/// <summary>A fake Bitrix24 portal on loopback speaking the imbot.v2 wire protocol (REST, fetch queues, webhook POSTs).</summary>
public sealed class BitrixEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpWebhookTransport _transport;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private BitrixEmulator(WebApplication app, HttpWebhookTransport transport, CancellationTokenSource stopping, EmulatedPortal portal, Uri baseUrl, string webhookCode)
    {
        (_app, _transport, _stopping, Portal, BaseUrl) = (app, transport, stopping, portal, baseUrl);
        WebhookUrl = new Uri(baseUrl, $"rest/{portal.AdminUserId}/{webhookCode}/");
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; }

    /// <summary>The incoming-webhook base: http://127.0.0.1:{port}/rest/{adminUserId}/{webhookCode}/ (append the method name).</summary>
    public Uri WebhookUrl { get; }

    public EmulatedPortal Portal { get; }

    /// <summary>The OAuth server's base (this emulator's /oauth/token/ answers for every portal of its OAuthServer).</summary>
    public Uri OAuthServerUrl => BaseUrl;

    public static async Task<BitrixEmulator> StartAsync(EmulatorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var webhookCode = options.WebhookCode ?? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        var stopping = new CancellationTokenSource();
        var transport = new HttpWebhookTransport(options.WebhookTimeout);
        var portal = new EmulatedPortal(options, transport, stopping.Token);

        // Config reload watchers are off: tests start many emulators and each would watch appsettings files.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var endpoint = new RestEndpoint(portal, webhookCode);
        app.MapMethods("/rest/{userId}/{code}/{method}", ["GET", "POST"], endpoint.HandleAsync);
        app.MapGet("/" + Rest.FileMethods.DownloadPath, (string? token) => new Rest.FileDownloadEndpoint(portal).Handle(token));
        app.MapMethods("/rest/{method}", ["GET", "POST"], endpoint.HandleOAuthAsync);
        app.MapGet("/oauth/token", new OAuth.OAuthTokenEndpoint(portal.OAuth.Server).HandleAsync);
        options.ConfigureEndpoints?.Invoke(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        portal.State.Settings.BaseUrl = baseUrl;
        return new BitrixEmulator(app, transport, stopping, portal, baseUrl, webhookCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // First: held calls are dropped and pending webhook POSTs end as failed deliveries, so stopping never waits on them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _transport.Dispose();
        _stopping.Dispose();
    }
}
