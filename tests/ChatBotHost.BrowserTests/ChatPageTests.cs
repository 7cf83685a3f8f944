namespace ChatBotHost.BrowserTests;

/// <summary>
/// A newcomer's first minute, in a real browser: start the host with nothing configured, open the chat page it prints,
/// talk to the echo bot (fetch mode) and take the helpdesk's ticket dialog (webhook mode) to its buttons.
/// </summary>
public sealed class ChatPageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LocalMode_ChatPage_EchoesAMessageAndAKeyboardButtonAdvancesTheHelpdeskDialog()
    {
        var (host, chatPage) = await LocalModeHost.StartAsync(
            Patience,
            "--ChatBotHost:Fetch:IdleDelay=00:00:00.100",
            "--ChatBotHost:Bots:helpdesk:EventMode=webhook");
        await using var hostLifetime = host;
        using var browser = ChromiumBrowser.Start(Patience);
        var page = new ChatPageDriver(browser.Driver, Patience);
        Assert.Equal("/emulator/", chatPage.AbsolutePath);

        page.Navigate(chatPage);
        await page.OpenDialogAsync("echo");
        page.Send("Hello from [b]Chromium[/b]");
        await page.ExpectBotMessageAsync("You said: Hello from Chromium"); // the BB-code is rendered, not shown

        await page.OpenDialogAsync("helpdesk");
        await page.ExpectBotMessageAsync("I take helpdesk tickets"); // the greeting on opening the dialog (JOINCHAT)
        page.Send("/ticket");
        await page.ExpectBotMessageAsync("What is the ticket about?");
        page.Send("Printer jammed");
        await page.ExpectBotMessageAsync("How urgent is it?");
        await page.PressButtonAsync("High");
        var confirm = await page.ExpectBotMessageAsync("Create this ticket?");

        Assert.Contains("Priority: High", confirm, StringComparison.Ordinal);
        var panel = page.PanelText();
        Assert.Contains("ONIMBOTV2COMMANDADD → helpdesk (webhook POST)", panel, StringComparison.Ordinal);
        Assert.Contains("imbot.v2.Chat.Message.send", panel, StringComparison.Ordinal);
        Assert.Contains("\"botToken\": \"***\"", panel, StringComparison.Ordinal);

        // A reload renders from the portal's message state: the pressed button (BLOCK=Y) stays disabled, the others not.
        page.Navigate(chatPage);
        await page.OpenDialogAsync("helpdesk");
        await page.ExpectButtonAsync("High", disabled: true);
        await page.ExpectButtonAsync("Low", disabled: false);
        Assert.Equal("200 image/svg+xml", page.FetchIcon());
    }
}
