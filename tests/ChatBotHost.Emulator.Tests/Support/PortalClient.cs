using System.Text;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>A plain HttpClient talking to the emulator's incoming-webhook URL; JSON built by hand, no client library.</summary>
internal sealed class PortalClient(Uri webhookUrl)
{
    // One client for all tests, as HttpClient is meant to be used; emulators differ only by URL.
    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static HttpClient Http => SharedHttp;

    public Uri WebhookUrl { get; } = webhookUrl;

    public Task<ApiAnswer> CallAsync(string method, JsonObject? body = null, CancellationToken cancellationToken = default) =>
        PostAsync(new Uri(WebhookUrl, method), (body ?? []).ToJsonString(), "application/json", cancellationToken);

    public Task<ApiAnswer> CallFormAsync(string method, string formBody) =>
        PostAsync(new Uri(WebhookUrl, method), formBody, "application/x-www-form-urlencoded", CancellationToken.None);

    public async Task<ApiAnswer> GetAsync(string methodAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(WebhookUrl, methodAndQuery));
        return await ReadAsync(response);
    }

    public async Task<int> RegisterBotAsync(
        string code, string token, string type = "bot", string eventMode = "fetch", Uri? webhookUrl = null, string name = "Helper")
    {
        var fields = new JsonObject
        {
            ["code"] = code,
            ["type"] = type,
            ["eventMode"] = eventMode,
            ["properties"] = new JsonObject { ["name"] = name },
        };
        if (webhookUrl is not null)
        {
            fields["webhookUrl"] = webhookUrl.ToString();
        }

        var answer = await CallAsync("imbot.v2.Bot.register", new JsonObject { ["botToken"] = token, ["fields"] = fields });
        return answer.Ok()["bot"]!["id"]!.GetValue<int>();
    }

    public async Task<int> RegisterCommandAsync(int botId, string token, string command, bool hidden = false)
    {
        var fields = new JsonObject { ["command"] = command, ["hidden"] = hidden, ["title"] = new JsonObject { ["en"] = "Title of " + command } };
        var answer = await CallAsync("imbot.v2.Command.register", new JsonObject { ["botId"] = botId, ["botToken"] = token, ["fields"] = fields });
        return answer.Ok()["command"]!["id"]!.GetValue<int>();
    }

    public async Task<JsonObject> EventGetAsync(int botId, string token, long? offset = null, int? limit = null)
    {
        var body = new JsonObject { ["botId"] = botId, ["botToken"] = token };
        if (offset is not null)
        {
            body["offset"] = offset;
        }

        if (limit is not null)
        {
            body["limit"] = limit;
        }

        return (await CallAsync("imbot.v2.Event.get", body)).Ok().AsObject();
    }

    public Task<ApiAnswer> SendMessageAsync(
        int botId, string token, string dialogId, JsonObject fields, CancellationToken cancellationToken = default) =>
        CallAsync(
            "imbot.v2.Chat.Message.send",
            new JsonObject { ["botId"] = botId, ["botToken"] = token, ["dialogId"] = dialogId, ["fields"] = fields },
            cancellationToken);

    private static async Task<ApiAnswer> PostAsync(Uri url, string body, string contentType, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await Http.PostAsync(url, content, cancellationToken);
        return await ReadAsync(response);
    }

    private static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
