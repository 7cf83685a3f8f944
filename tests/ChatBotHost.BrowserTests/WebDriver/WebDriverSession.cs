using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatBotHost.BrowserTests.WebDriver;

/// <summary>
/// A minimal W3C WebDriver client over HttpClient: one headless Chromium session, navigation, elements by CSS,
/// clicks, typing, text, scripts and screenshots. Nothing more than the browser test needs.
/// </summary>
public sealed class WebDriverSession : IAsyncDisposable
{
    /// <summary>The key under which W3C WebDriver returns element references.</summary>
    public const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";

    private readonly HttpClient _http;
    private readonly string _userDataDir;

    private WebDriverSession(HttpClient http, string sessionId, string userDataDir) =>
        (_http, SessionId, _userDataDir) = (http, sessionId, userDataDir);

    public string SessionId { get; }

    /// <summary>Starts headless Chromium with a fresh profile directory (deleted when the session ends).</summary>
    public static async Task<WebDriverSession> StartAsync(ChromeDriverProcess driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var userDataDir = Directory.CreateTempSubdirectory("cbh-chromium-").FullName;
        var http = new HttpClient { BaseAddress = driver.Url, Timeout = TimeSpan.FromSeconds(60) };
        string[] args =
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900", $"--user-data-dir={userDataDir}",
        ];
        var capabilities = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["alwaysMatch"] = new JsonObject
                {
                    ["browserName"] = "chrome",
                    ["goog:chromeOptions"] = new JsonObject
                    {
                        ["binary"] = ChromeDriverProcess.Browser(),
                        ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]),
                    },
                },
            },
        };
        var value = await SendAsync(http, HttpMethod.Post, "session", capabilities);
        var sessionId = value?["sessionId"]?.GetValue<string>() ?? throw new WebDriverException("No sessionId in the new-session answer.");
        return new WebDriverSession(http, sessionId, userDataDir);
    }

    public Task NavigateAsync(Uri url) => CommandAsync(HttpMethod.Post, "url", new JsonObject { ["url"] = url.AbsoluteUri });

    /// <summary>The element ids matching a CSS selector (empty when none).</summary>
    public async Task<IReadOnlyList<string>> FindAllAsync(string css)
    {
        var value = await CommandAsync(HttpMethod.Post, "elements", new JsonObject { ["using"] = "css selector", ["value"] = css });
        return [.. (value as JsonArray ?? []).Select(e => e![ElementKey]!.GetValue<string>())];
    }

    public Task ClickAsync(string elementId) => CommandAsync(HttpMethod.Post, $"element/{elementId}/click", []);

    public Task TypeAsync(string elementId, string text) =>
        CommandAsync(HttpMethod.Post, $"element/{elementId}/value", new JsonObject { ["text"] = text });

    public async Task<string> TextAsync(string elementId) =>
        (await CommandAsync(HttpMethod.Get, $"element/{elementId}/text", null))?.GetValue<string>() ?? "";

    /// <summary>Runs a script in the page (arguments as JSON values) and returns its JSON result.</summary>
    public Task<JsonNode?> ScriptAsync(string script, params JsonNode?[] args) =>
        CommandAsync(HttpMethod.Post, "execute/sync", new JsonObject { ["script"] = script, ["args"] = new JsonArray(args) });

    /// <summary>A PNG of the viewport, for failure reports.</summary>
    public async Task<byte[]> ScreenshotAsync() =>
        Convert.FromBase64String((await CommandAsync(HttpMethod.Get, "screenshot", null))?.GetValue<string>() ?? "");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync(_http, HttpMethod.Delete, $"session/{SessionId}", null);
        }
        finally
        {
            _http.Dispose();
            TryDelete(_userDataDir);
        }
    }

    private Task<JsonNode?> CommandAsync(HttpMethod method, string path, JsonObject? body) =>
        SendAsync(_http, method, $"session/{SessionId}/{path}", body);

    private static async Task<JsonNode?> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            // A string, not JsonContent: chromedriver wants a Content-Length and drops chunked requests.
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        var value = answer?["value"];
        if (!response.IsSuccessStatusCode)
        {
            throw new WebDriverException(value?["error"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}", value?["message"]?.GetValue<string>() ?? "");
        }

        return value;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; a leftover temp directory harms nobody.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
