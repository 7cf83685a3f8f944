using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Bots.Reminder;

/// <summary>
/// Sends a text back after a delay: "/remind 10m Stretch your legs". Shows durable timers: a reminder is stored with
/// the host's state, so it arrives even when the host restarted in between, and only once when replicas run.
/// </summary>
public sealed class ReminderBot : IBot
{
    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile("reminder", "Reminder", p => p with { WorkPosition = "Reminds you later", Color = "sand" })
            .Command(
                new CommandDeclaration
                {
                    Name = "remind",
                    Title = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = "Remind me later" },
                    Params = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = "10m text" },
                },
                RemindCommand.HandleAsync)
            .OnMessage((_, turn, ct) => turn.ReplyAsync(RemindCommand.Usage, ct));
    }
}
