using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Proactive;

namespace ChatBotHost.Bots.Digest;

/// <summary>
/// A daily digest of the dialog (/subscribe [HH:MM], /unsubscribe, /digest) on a per-dialog timer re-armed each day, and
/// file answers: name and size in the turn, the SHA-256 afterwards as a proactive message (<see cref="IBotMessenger"/>,
/// taken from the turn's services by the static handler, see <see cref="FileReceipt"/>).
/// </summary>
public sealed class DigestBot : IBot
{
    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile("digest", "Digest", p => p with { WorkPosition = "Daily digests and file checksums", Color = "graphite" })
            .Command(Declare("subscribe", "Daily digest of this chat", "HH:MM (UTC)"), DigestCommands.SubscribeAsync)
            .Command(Declare("unsubscribe", "Stop the daily digest", null), DigestCommands.UnsubscribeAsync)
            .Command(Declare("digest", "The digest now", null), DigestCommands.DigestNowAsync)
            .OnTimer(DigestCommands.TimerName, DigestCommands.FiredAsync)
            .OnMessage(FileReceipt.HandleAsync);
    }

    private static CommandDeclaration Declare(string name, string title, string? parameters) => new()
    {
        Name = name,
        Title = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = title },
        Params = parameters is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = parameters },
    };
}
