using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;

namespace ChatBotHost.Hosting;

/// <summary>
/// Makes the hosted bots of the configured webhook portal (or the local emulator): at start-up from the catalog, and
/// later for a bot added to the live bots folder. Null portal: application mode only, bots arrive with installs.
/// </summary>
internal sealed class WebhookPortalBots(PortalConnection? portal, ChatBotHostOptions options, LocalPortal? local)
{
    public bool HasPortal => portal is not null;

    public HostedBot Create(BotDefinition definition)
    {
        var connection = portal ?? throw new InvalidOperationException("No webhook portal is configured.");
        var settings = options.For(definition.Code);

        // Validation demands a token of an enabled bot with a real portal; a disabled one is neither registered nor
        // polled, so it may have none (compose declares the samples it does not run that way). Against the local
        // emulator one is made up per run.
        var token = settings.BotToken ?? (local is null ? null : LocalPortal.NewBotToken());
        return new HostedBot(definition, settings, token, connection);
    }
}
