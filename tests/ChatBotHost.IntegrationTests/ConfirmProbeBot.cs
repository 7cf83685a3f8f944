using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Revision;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// A bot for the method-confirmation tests: a message makes it call Revision.get (which a test makes the emulator answer
/// METHOD_CONFIRM_WAITING), and it says what the administrator decided when the decision reaches its dialog.
/// </summary>
public sealed class ConfirmProbeBot : IBot
{
    public const string Code = "confirmprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "Confirm probe")
            .OnMessage(async (_, turn, ct) =>
            {
                // Unhandled on purpose: a wait that escapes the handler must end the turn as waiting, not as a failure.
                await turn.Api.CallAsync(new RevisionGetRequest(), ct);
                await turn.ReplyAsync("called", ct);
            })
            .On<MethodConfirmDecided>((decision, turn, ct) =>
                turn.ReplyAsync($"decided {decision.Method} {(decision.Allowed ? "allowed" : "denied")}", ct));
    }
}
