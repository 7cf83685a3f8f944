using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Everything the hostile-input suite attacks, running for real: a host with a persistent redis-server serving the
/// probe bot in webhook mode on an incoming-webhook portal AND, as an installed application, on a second portal (so
/// both webhook routes, install and uninstall are live); and a second host in local mode whose emulator chat API is
/// attacked too. Each host records the events its probe bot handled.
/// </summary>
internal sealed class HostileRig : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private HostileRig()
    {
    }

    public RedisServer Redis { get; private set; } = null!;

    public BitrixEmulator WebhookPortal { get; private set; } = null!;

    public BitrixEmulator AppPortal { get; private set; } = null!;

    public InProcessHost Main { get; private set; } = null!;

    public InProcessHost Local { get; private set; } = null!;

    public HandledEvents MainHandled { get; } = new();

    public HandledEvents LocalHandled { get; } = new();

    public WebhookIdentity WebhookBot { get; private set; } = null!;

    public Uri WebhookBotUrl { get; private set; } = null!;

    public int LocalProbeDialog { get; private set; }

    /// <summary>The message the local chat page's user sends first; the chat API's edit, reaction and press routes are aimed at it.</summary>
    public int LocalEditableMessage { get; private set; }

    /// <summary>The text of that first message: valid traffic, so the local probe must handle it once.</summary>
    public const string LocalSetupText = "V-setup-local";

    public IReadOnlyList<HostileTarget> Targets { get; private set; } = [];

    public GenuineForms Genuine { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HostileRig> StartAsync()
    {
        var rig = new HostileRig();
        try
        {
            await rig.StartAllAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        // Persistent, so a restart after the outage finds the registrations and the installation again.
        Redis = await RedisServer.StartAsync(persistent: true);
        _owned.Add(Redis);
        var server = new OAuthServer();
        WebhookPortal = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        _owned.Add(WebhookPortal);
        AppPortal = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        _owned.Add(AppPortal);

        var settings = Probe(new HostSettings(WebhookPortal, Redis.ConfigurationString, "webhook"), MainHandled)
            .Set("ChatBotHost:OAuth:ClientId", server.ClientId)
            .Set("ChatBotHost:OAuth:ClientSecret", server.ClientSecret)
            .Set("ChatBotHost:OAuth:ServerUrl", AppPortal.OAuthServerUrl.AbsoluteUri)
            .Set("ChatBotHost:OAuth:PortalSyncInterval", "00:00:00.200");
        Main = await InProcessHost.StartAsync(settings, typeof(ProbeBot));
        _owned.Add(Main);
        var installed = await AppPortal.Portal.OAuth.InstallAppAsync(new Uri(Main.BaseUrl, "bitrix/install"));
        if (installed != 200)
        {
            throw new InvalidOperationException($"The application install was answered {installed}.");
        }

        await OAuthHosts.WaitForBotAsync(Main, AppPortal, ProbeBot.Code);

        // Local mode: no portal configured, the host runs its own emulator and serves its chat page.
        var local = Probe(new HostSettings(WebhookPortal, redis: null, "webhook"), LocalHandled)
            .Set("ChatBotHost:Portal:WebhookUrl", "")
            .Set(LocalModeSetting, "true");
        Local = await InProcessHost.StartAsync(local, typeof(ProbeBot));
        _owned.Add(Local);

        var webhookBot = WebhookPortal.Portal.FindBot(ProbeBot.Code)!;
        var appBot = AppPortal.Portal.FindBot(ProbeBot.Code)!;
        WebhookBot = new WebhookIdentity(webhookBot.Id, webhookBot.ApplicationToken!, null);
        WebhookBotUrl = webhookBot.WebhookUrl!;
        var appIdentity = new WebhookIdentity(appBot.Id, AppPortal.Portal.OAuth.ApplicationToken, AppPortal.Portal.OAuth.MemberId);
        Genuine = new GenuineForms((JsonObject)AppPortal.Portal.OAuth.UninstallPayload(clean: false, "")["auth"]!);
        LocalProbeDialog = await FindLocalProbeAsync();
        LocalEditableMessage = await SendLocalAsync(LocalSetupText);
        Targets = BuildTargets(appBot.WebhookUrl!, appIdentity);
        Secrets = new Dictionary<string, string>
        {
            ["the webhook bot's URL secret"] = WebhookBotUrl.Segments[^1],
            ["the application bot's URL secret"] = appBot.WebhookUrl!.Segments[^1],
            ["the webhook bot's application_token"] = WebhookBot.ApplicationToken,
            ["the installation's application_token"] = appIdentity.ApplicationToken,
            ["the bot token"] = ProbeToken,
            ["the OAuth client secret"] = server.ClientSecret,
            ["the Redis endpoint"] = "127.0.0.1:" + Redis.Port.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The explicit switch for local mode outside Development (issue 12: local mode only when asked).</summary>
    private const string ProbeToken = "probe-token-0123456789abcdef";

    public const string LocalModeSetting = "ChatBotHost:LocalMode";

    /// <summary>What no answer may show: the secrets the hosts hold and the Redis endpoint.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    public Uri LocalApi(string path) => new(Local.BaseUrl, "emulator/api/" + path);

    private static HostSettings Probe(HostSettings settings, HandledEvents handled)
    {
        settings.Services = services => services.AddSingleton(handled);
        return settings
            // Thousands of refusals are each worth a warning in production, not in this run's output.
            .Set("Serilog:MinimumLevel:Default", "Error")
            .Set($"ChatBotHost:Bots:{ProbeBot.Code}:BotToken", ProbeToken)
            .Set($"ChatBotHost:Bots:{ProbeBot.Code}:EventMode", "webhook");
    }

    /// <summary>Sends a message as the chat page does (JSON) to the local probe bot and returns the message id.</summary>
    public async Task<int> SendLocalAsync(string text)
    {
        using var response = await Http.PostAsJsonAsync(LocalApi($"dialogs/{LocalProbeDialog.ToString(CultureInfo.InvariantCulture)}/messages"), new JsonObject { ["text"] = text });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (int)answer!["id"]!;
    }

    private async Task<int> FindLocalProbeAsync()
    {
        var dialogs = await Http.GetFromJsonAsync<JsonObject>(LocalApi("dialogs"));
        var probe = dialogs!["dialogs"]!.AsArray().First(d => (string?)d!["code"] == ProbeBot.Code)!;
        return (int)probe["botId"]!;
    }

    private List<HostileTarget> BuildTargets(Uri appBotUrl, WebhookIdentity appIdentity)
    {
        var post = HttpMethod.Post;
        var secretLike = WebhookBotUrl.Segments[^1];
        var dialog = LocalProbeDialog.ToString(CultureInfo.InvariantCulture);
        var edit = LocalEditableMessage.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("webhook", post, WebhookBotUrl, TargetFamily.Webhook, WebhookBot),
            new("webhook-portal", post, appBotUrl, TargetFamily.Webhook, appIdentity),
            new("webhook-badsecret", post, new Uri(WebhookBotUrl, "./" + new string('0', secretLike.Length)), TargetFamily.WebhookRejected, WebhookBot),
            new("webhook-nobot", post, new Uri(Main.BaseUrl, "bitrix/events/nobody/" + secretLike), TargetFamily.WebhookRejected, WebhookBot),
            new("install", post, new Uri(Main.BaseUrl, "bitrix/install"), TargetFamily.Install),
            new("uninstall", post, new Uri(Main.BaseUrl, "bitrix/uninstall"), TargetFamily.Uninstall, RealUninstallToken: AppPortal.Portal.OAuth.ApplicationToken),
            new("method-confirm", post, new Uri(Main.BaseUrl, "bitrix/method-confirm"), TargetFamily.MethodConfirm),
            new("chat-send", post, LocalApi($"dialogs/{dialog}/messages"), TargetFamily.Chat),
            new("chat-edit", HttpMethod.Put, LocalApi($"messages/{edit}"), TargetFamily.Chat),
            new("chat-react", post, LocalApi($"messages/{edit}/reactions"), TargetFamily.Chat) { TakesText = false },
            new("chat-press", post, LocalApi($"messages/{edit}/press"), TargetFamily.Chat) { TakesText = false },
            new("chat-open", post, LocalApi($"dialogs/{dialog}/open"), TargetFamily.ChatBodiless),
            new("health-live", HttpMethod.Get, new Uri(Main.BaseUrl, "health/live"), TargetFamily.Operations),
            new("health-ready", HttpMethod.Get, new Uri(Main.BaseUrl, "health/ready"), TargetFamily.Operations),
            new("metrics", HttpMethod.Get, new Uri(Main.BaseUrl, "metrics"), TargetFamily.Operations),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }
}
