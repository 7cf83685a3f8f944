using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A supervisor bot (sees every group message) that answers only what is addressed to it and not its own.</summary>
public sealed class SupervisorProbeBot : IBot
{
    public const string Code = "supervisorprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "Supervisor probe", p => p with { Type = BotType.Supervisor })
            .OnMessage((msg, turn, ct) => turn.ReplyAsync($"for me: {msg.Message.Text}", ct), MessageFilters.AddressedToBotNotOwn)
            .OnMessage((msg, turn, _) =>
            {
                // Everything else it sees is only noted, so an unanswered message is handled, not unrouted.
                turn.State.Set("seen", msg.Message.Text);
                return Task.CompletedTask;
            });
    }
}
