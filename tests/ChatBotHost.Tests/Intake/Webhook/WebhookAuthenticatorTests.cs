using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Intake.Webhook;
using ChatBotHost.OAuth;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBotHost.Tests.Intake.Webhook;

/// <summary>Whatever is wrong with a webhook URL looks the same to a sender without the bot's secret.</summary>
public sealed class WebhookAuthenticatorTests
{
    private const string Secret = "the-bots-own-secret-0123456789abcdef0123456789ab";
    private readonly InMemoryBotRegistrationStore _store = new();

    [Fact]
    public async Task CheckAddressAsync_RegisteredBotAndItsSecret_Accepted()
    {
        var bot = Bot("echo", registered: true);

        var (check, found) = await Authenticator(bot).CheckAddressAsync(null, "echo", Secret, CancellationToken.None);

        Assert.Equal(WebhookAddressCheck.Accepted, check);
        Assert.Same(bot, found);
    }

    [Theory]
    [InlineData("nobody", Secret)]
    [InlineData("echo", "wrong-secret")]
    [InlineData("fetcher", Secret)]
    [InlineData("disabled", Secret)]
    [InlineData("starting", "wrong-secret")]
    [InlineData("unstored", Secret)]
    public async Task CheckAddressAsync_AnythingWrongWithTheUrl_IsUnknown(string code, string secret)
    {
        var authenticator = Authenticator(
            Bot("echo", registered: true),
            Bot("fetcher", registered: true, mode: EventMode.Fetch),
            Bot("disabled", registered: true, enabled: false),
            Bot("starting", registered: false),
            Bot("unstored", registered: false));
        await _store.SaveAsync(PortalKey, "starting", new BotRegistration { BotId = 8, WebhookSecret = Secret }, CancellationToken.None);

        var (check, found) = await authenticator.CheckAddressAsync(null, code, secret, CancellationToken.None);

        Assert.Equal(WebhookAddressCheck.Unknown, check);
        Assert.Null(found);
    }

    [Fact]
    public async Task CheckAddressAsync_NotRegisteredHereButTheStoredSecret_IsNotReady()
    {
        var bot = Bot("starting", registered: false);
        await _store.SaveAsync(PortalKey, "starting", new BotRegistration { BotId = 8, WebhookSecret = Secret }, CancellationToken.None);

        var (check, found) = await Authenticator(bot).CheckAddressAsync(null, "starting", Secret, CancellationToken.None);

        Assert.Equal(WebhookAddressCheck.NotReady, check);
        Assert.Same(bot, found);
    }

    [Fact]
    public async Task CheckAddressAsync_NotRegisteredAndTheStoreFails_IsUnknownNotNotReady()
    {
        var failing = new Mock<IBotRegistrationStore>();
        failing.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("store down"));
        var authenticator = Authenticator(failing.Object, Bot("starting", registered: false));

        var (check, _) = await authenticator.CheckAddressAsync(null, "starting", Secret, CancellationToken.None);

        Assert.Equal(WebhookAddressCheck.Unknown, check);
    }

    private static string PortalKey => Pipeline.PipelineHarness.Bot(_ => { }).Portal.Key;

    private WebhookAuthenticator Authenticator(params HostedBot[] bots) => Authenticator(_store, bots);

    private static WebhookAuthenticator Authenticator(IBotRegistrationStore store, params HostedBot[] bots) => new(
        new BotDirectory(bots),
        store,
        new ApplicationTokenCheck(store, NullLogger<ApplicationTokenCheck>.Instance),
        new ApplicationEventAuth(TimeProvider.System, NullLogger<ApplicationEventAuth>.Instance),
        NullLogger<WebhookAuthenticator>.Instance);

    private static HostedBot Bot(string code, bool registered, EventMode mode = EventMode.Webhook, bool enabled = true)
    {
        var template = Pipeline.PipelineHarness.Bot(_ => { }, code);
        var bot = new HostedBot(template.Definition, new BotSettings { EventMode = mode, Enabled = enabled }, "token", template.Portal);
        if (registered)
        {
            bot.Use(new BotRegistration { BotId = 7, WebhookSecret = Secret });
        }

        return bot;
    }
}
