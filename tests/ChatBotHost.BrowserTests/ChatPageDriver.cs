using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBotHost.BrowserTests.WebDriver;

namespace ChatBotHost.BrowserTests;

/// <summary>What a person does on the chat page, in WebDriver calls; every wait polls the DOM until a deadline.</summary>
internal sealed class ChatPageDriver(WebDriverSession browser, TimeSpan patience)
{
    private const string BotTextsScript =
        "return Array.from(document.querySelectorAll('#messages .msg[data-from=\"bot\"] .msg-text')).map(e => e.textContent);";

    private const string ButtonScript =
        "return Array.from(document.querySelectorAll('#messages .msg[data-from=\"bot\"] .kb-btn'))" +
        ".filter(b => b.textContent === arguments[0] && !b.disabled).pop() || null;";

    private const string ButtonStateScript =
        "const b = Array.from(document.querySelectorAll('#messages .msg[data-from=\"bot\"] .kb-btn'))" +
        ".filter(b => b.textContent === arguments[0]).pop(); return b ? b.disabled : null;";

    // WebDriver waits for a returned promise.
    private const string IconScript =
        "const link = document.querySelector('link[rel=\"icon\"]'); if (!link) return 'no icon declared';" +
        "return fetch(link.href).then(r => r.status + ' ' + r.headers.get('content-type'));";

    public async Task OpenDialogAsync(string botCode)
    {
        await UntilAsync($"the dialog with bot '{botCode}' to click", async () =>
            await browser.FindAllAsync($"#dialogs [data-code=\"{botCode}\"]") is [var item, ..] ? await TryClickAsync(item) : null);
        await UntilAsync($"the composer of '{botCode}'", async () =>
            (await browser.ScriptAsync("return !document.getElementById('composer-text').disabled && document.querySelector('#dialogs .dialog.active') !== null;"))?.GetValue<bool>() == true
                ? "ready" : null);
    }

    public async Task SendAsync(string text)
    {
        var composer = (await browser.FindAllAsync("#composer-text")).Single();
        await browser.TypeAsync(composer, text);
        await browser.ClickAsync((await browser.FindAllAsync("#send")).Single());
    }

    /// <summary>Waits until a bot message containing <paramref name="fragment"/> is shown; returns its text.</summary>
    public Task<string> ExpectBotMessageAsync(string fragment) =>
        UntilAsync($"a bot message containing \"{fragment}\"", async () =>
        {
            var texts = await browser.ScriptAsync(BotTextsScript) as JsonArray ?? [];
            return texts.Select(t => t?.GetValue<string>()).LastOrDefault(t => t is not null && t.Contains(fragment, StringComparison.Ordinal));
        });

    /// <summary>Clicks the keyboard button with this label; a re-render between finding and clicking is retried.</summary>
    public Task PressButtonAsync(string label) =>
        UntilAsync($"a keyboard button \"{label}\" to click", async () =>
        {
            if (await browser.ScriptAsync(ButtonScript, label) is not JsonObject element)
            {
                return null;
            }

            return await TryClickAsync(element[WebDriverSession.ElementKey]!.GetValue<string>());
        });

    /// <summary>Waits until the bot's keyboard shows a button with this label, enabled or disabled as expected.</summary>
    public Task ExpectButtonAsync(string label, bool disabled) =>
        UntilAsync($"a keyboard button \"{label}\" that is {(disabled ? "disabled" : "enabled")}", async () =>
            (await browser.ScriptAsync(ButtonStateScript, label))?.GetValue<bool>() is { } isDisabled && isDisabled == disabled ? "seen" : null);

    /// <summary>The page's declared icon, fetched as the browser would: "status content-type".</summary>
    public async Task<string> FetchIconAsync() =>
        (await browser.ScriptAsync(IconScript))?.GetValue<string>() ?? "";

    public async Task<string> PanelTextAsync() =>
        (await browser.ScriptAsync("return document.getElementById('panel-list').textContent;"))?.GetValue<string>() ?? "";

    /// <summary>Clicks, or returns null when the page re-rendered the element between finding and clicking it.</summary>
    private async Task<string?> TryClickAsync(string elementId)
    {
        try
        {
            await browser.ClickAsync(elementId);
            return "clicked";
        }
        catch (WebDriverException stale) when (stale.Error == "stale element reference")
        {
            return null;
        }
    }

    private async Task<T> UntilAsync<T>(string what, Func<Task<T?>> probe)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"No {what} within {patience.TotalSeconds} s. {await DescribeAsync()}");
            }

            await Task.Delay(100); // polling interval of the DOM, not a wait for luck: the deadline above bounds it
        }
    }

    private async Task<string> DescribeAsync()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"cbh-chat-page-{DateTime.UtcNow:HHmmss}.png");
        await File.WriteAllBytesAsync(screenshot, await browser.ScreenshotAsync());
        var texts = await browser.ScriptAsync(BotTextsScript);
        return $"Bot messages shown: {texts?.ToJsonString()}. Screenshot: {screenshot}";
    }
}
