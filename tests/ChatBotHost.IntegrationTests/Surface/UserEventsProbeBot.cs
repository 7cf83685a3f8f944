using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A bot for the user-event tests: says which user events it saw, in the dialog they happened in.</summary>
public sealed class UserEventsProbeBot : IBot
{
    public const string Code = "userevents";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "User events probe")
            .On<UserMessageAdded>((evt, turn, ct) => turn.ReplyAsync($"user event: {evt.User.Id} wrote {evt.Message.Text}", ct))
            .On<UserMessageUpdated>((evt, turn, ct) => turn.ReplyAsync($"user event: edited to {evt.Message.Text}", ct));
    }
}
