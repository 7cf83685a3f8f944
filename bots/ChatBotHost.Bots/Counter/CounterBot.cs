using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bots.Counter;

/// <summary>Counts the messages of each dialog and says the count; with Redis the count survives restarts.</summary>
public sealed class CounterBot : IBot
{
    private const string CountKey = "count";

    public void Configure(BotBuilder bot) => bot
        .Profile("counter", "Counter", p => p with { WorkPosition = "Counts your messages", Color = "azure" })
        .OnMessage(CountAsync);

    private static async Task CountAsync(MessageAdded message, ITurnContext turn, CancellationToken cancellationToken)
    {
        var count = await turn.State.GetAsync<int>(CountKey, cancellationToken) + 1;
        turn.State.Set(CountKey, count);
        await turn.ReplyAsync($"Message #{count} in this dialog.", cancellationToken);
    }
}
