using System.Collections;
using System.Diagnostics;
using OpenQA.Selenium;

namespace ChatBotHost.BrowserTests;

/// <summary>What a person does on the chat page, in WebDriver calls; every wait polls the DOM until a deadline.</summary>
internal sealed class ChatPageDriver(IWebDriver browser, TimeSpan patience)
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

    private IJavaScriptExecutor Scripts => (IJavaScriptExecutor)browser;

    public void Navigate(Uri url) => browser.Navigate().GoToUrl(url);

    public async Task OpenDialogAsync(string botCode)
    {
        await UntilAsync($"the dialog with bot '{botCode}' to click", () =>
            browser.FindElements(By.CssSelector($"#dialogs [data-code=\"{botCode}\"]")) is [var item, ..] ? TryClick(item) : null);
        await UntilAsync($"the composer of '{botCode}'", () =>
            Scripts.ExecuteScript("return !document.getElementById('composer-text').disabled && document.querySelector('#dialogs .dialog.active') !== null;") is true
                ? "ready" : null);
    }

    public void Send(string text)
    {
        browser.FindElement(By.Id("composer-text")).SendKeys(text);
        browser.FindElement(By.Id("send")).Click();
    }

    /// <summary>Waits until a bot message containing <paramref name="fragment"/> is shown; returns its text.</summary>
    public Task<string> ExpectBotMessageAsync(string fragment) =>
        UntilAsync($"a bot message containing \"{fragment}\"", () =>
            BotTexts().LastOrDefault(t => t.Contains(fragment, StringComparison.Ordinal)));

    /// <summary>Clicks the keyboard button with this label; a re-render between finding and clicking is retried.</summary>
    public Task PressButtonAsync(string label) =>
        UntilAsync($"a keyboard button \"{label}\" to click", () =>
            Scripts.ExecuteScript(ButtonScript, label) is IWebElement button ? TryClick(button) : null);

    /// <summary>Waits until the bot's keyboard shows a button with this label, enabled or disabled as expected.</summary>
    public Task ExpectButtonAsync(string label, bool disabled) =>
        UntilAsync($"a keyboard button \"{label}\" that is {(disabled ? "disabled" : "enabled")}", () =>
            Scripts.ExecuteScript(ButtonStateScript, label) is bool isDisabled && isDisabled == disabled ? "seen" : null);

    /// <summary>The page's declared icon, fetched as the browser would: "status content-type".</summary>
    public string FetchIcon() => Scripts.ExecuteScript(IconScript) as string ?? "";

    public string PanelText() =>
        Scripts.ExecuteScript("return document.getElementById('panel-list').textContent;") as string ?? "";

    private List<string> BotTexts() =>
        Scripts.ExecuteScript(BotTextsScript) is IEnumerable texts ? [.. texts.OfType<string>()] : [];

    /// <summary>Clicks, or returns null when the page re-rendered the element between finding and clicking it.</summary>
    private static string? TryClick(IWebElement element)
    {
        try
        {
            element.Click();
            return "clicked";
        }
        catch (StaleElementReferenceException)
        {
            return null;
        }
    }

    private async Task<string> UntilAsync(string what, Func<string?> probe)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"No {what} within {patience.TotalSeconds} s. {Describe()}");
            }

            await Task.Delay(100); // polling interval of the DOM, not a wait for luck: the deadline above bounds it
        }
    }

    private string Describe()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"cbh-chat-page-{DateTime.UtcNow:HHmmss}.png");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(screenshot);
        return $"Bot messages shown: [{string.Join(" | ", BotTexts())}]. Screenshot: {screenshot}";
    }
}
