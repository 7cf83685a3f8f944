using ChatBotHost.Abstractions.Context;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A bot for the pairing tests: offers a confirmation for each BOT_CONTEXT link and links only on a confirm.</summary>
public sealed class PairingProbeBot : IBot
{
    public const string Code = "pairingprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "Pairing probe")
            .Command(ContextPairing.Command, "Confirm a link", DecideAsync)
            .On<ContextRequested>((evt, turn, ct) => turn.OfferContextAsync(evt, "Link your account?", ct));
    }

    private static async Task DecideAsync(CommandInvoked command, ITurnContext turn, CancellationToken ct)
    {
        var outcome = await turn.DecideContextAsync(command, ct);
        await turn.AnswerCommandAsync(
            outcome.Status switch
            {
                PairingStatus.Confirmed => $"linked {outcome.Context!["account"]}",
                PairingStatus.Declined => "not linked",
                _ => "This confirmation is no longer valid.",
            },
            ct);
    }
}
