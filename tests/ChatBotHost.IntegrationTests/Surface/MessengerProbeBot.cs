using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>
/// A bot that takes <see cref="IBotMessenger"/> in its constructor, as an author may read README's proactive section:
/// the messenger needs the bot directory, which is built from the bots, so the host must not need it while it does.
/// </summary>
public sealed class MessengerProbeBot(IBotMessenger messenger) : IBot
{
    public const string Code = "messengerprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "Messenger probe").OnMessage(async (_, turn, ct) =>
        {
            await turn.ReplyAsync("queued", ct);
            // Outside this turn's reply: the messenger queues a turn of its own behind this one.
            await messenger.SendAsync(
                new ProactiveMessage { BotCode = Code, DialogId = turn.DialogId!, Message = new MessageFields { Message = "later" } }, ct);
        });
    }
}
