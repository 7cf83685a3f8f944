using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;

namespace ChatBotHost.Emulator.Portal.State;

/// <summary>A bot's mutable state, touched only under the portal lock.</summary>
internal sealed class BotState(int id, string code, string token, WebhookLane lane)
{
    public int Id { get; } = id;

    public string Code { get; } = code;

    public string Token { get; set; } = token;

    public string Type { get; set; } = "bot";

    public string EventMode { get; set; } = "fetch";

    public Uri? WebhookUrl { get; set; }

    public JsonObject Properties { get; set; } = [];

    public bool IsHidden { get; set; }

    public bool IsReactionsEnabled { get; set; } = true;

    public bool IsSupportOpenline { get; set; }

    public string? BackgroundId { get; set; }

    /// <summary>Synthetic per-bot application_token (spec §1.3): changes when the webhook binding changes.</summary>
    public string ApplicationToken { get; private set; } = NewSecret();

    /// <summary>The OAuth-looking access token put into data.bot.auth of webhook deliveries.</summary>
    public string AccessToken { get; } = NewSecret();

    public int CountMessage { get; set; }

    public FetchQueue Queue { get; } = new();

    public WebhookLane Lane { get; } = lane;

    public string Name => Properties["name"]?.GetValue<string>() ?? Code;

    public bool SeesEveryMessage => Type is "supervisor" or "personal";

    public bool IsWebhook => string.Equals(EventMode, "webhook", StringComparison.Ordinal);

    public static string NewSecret() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public void RegenerateApplicationToken() => ApplicationToken = NewSecret();

    public EmulatedBot Snapshot(IReadOnlyList<EmulatedCommand> commands) => new()
    {
        Id = Id,
        Code = Code,
        Token = Token,
        Type = Type,
        EventMode = EventMode,
        WebhookUrl = WebhookUrl,
        Properties = (JsonObject)Properties.DeepClone(),
        Commands = commands,
        PendingEventCount = Queue.Count,
        ApplicationToken = ApplicationToken,
        IsHidden = IsHidden,
        IsReactionsEnabled = IsReactionsEnabled,
    };
}
