using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Chat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>A web app on a free loopback port serving the chat page for a test's emulator, as the host does in local mode.</summary>
internal sealed class ChatPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatPageServer(WebApplication app, Uri pageUrl)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = pageUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client whose base address is the page: {server}/emulator/.</summary>
    public HttpClient Http { get; }

    public static async Task<ChatPageServer> StartAsync(BitrixEmulator emulator)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapEmulatorChat(emulator);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatPageServer(app, new Uri(new Uri(address), EmulatorChatEndpoints.DefaultPrefix + "/"));
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Sends JSON (an empty object when no body is given, as the page does); returns the status and the parsed body (null when there is none).</summary>
    public async Task<(int Status, JsonObject? Body)> SendAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent((body ?? []).ToJsonString(), Encoding.UTF8, "application/json"),
        };

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
