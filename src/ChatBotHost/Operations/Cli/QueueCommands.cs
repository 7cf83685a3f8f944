using System.Globalization;
using System.Text.Json;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Operations.Cli;

/// <summary>`inbox status`, `deadletters list|replay`: what waits in the state store, and giving failed events another go.</summary>
internal sealed class QueueCommands(IServiceProvider services, TextWriter output)
{
    public const int DefaultListCount = 20;

    /// <summary>Most letters a replay looks at in one run (the store caps each portal's list anyway).</summary>
    private const int MaxReplay = 10_000;

    private BotDirectory Bots => services.GetRequiredService<BotDirectory>();

    private IDeadLetterStore DeadLetters => services.GetRequiredService<IDeadLetterStore>();

    public async Task<int> InboxStatusAsync(CancellationToken cancellationToken)
    {
        var offsets = services.GetRequiredService<IOffsetStore>();
        var bots = new TextTable("bot", "portal", "mode", "fetch offset");
        foreach (var bot in Bots.All.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            var offset = bot.Settings.EventMode == EventMode.Fetch ? await offsets.GetAsync(bot.Portal.Key, bot.Code, cancellationToken) : null;
            bots.Add(bot.Code, bot.Portal.Key, bot.Settings.EventMode.ToString().ToLowerInvariant(), offset?.ToString(CultureInfo.InvariantCulture) ?? (bot.Settings.EventMode == EventMode.Fetch ? "none yet" : "-"));
        }

        var inbox = services.GetRequiredService<IInboxStore>();
        var portals = new TextTable("portal", "inbox depth", "dead letters");
        foreach (var portal in Portals())
        {
            portals.Add(
                portal,
                (await inbox.DepthAsync(portal, cancellationToken)).ToString(CultureInfo.InvariantCulture),
                (await DeadLetters.CountAsync(portal, cancellationToken)).ToString(CultureInfo.InvariantCulture));
        }

        await bots.WriteAsync(output);
        await output.WriteLineAsync();
        await portals.WriteAsync(output);
        return 0;
    }

    public async Task<int> ListDeadLettersAsync(string? portal, int? count, CancellationToken cancellationToken)
    {
        var table = new TextTable("portal", "id", "at", "kind", "bot", "dialog", "reason");
        foreach (var key in portal is null ? Portals() : [portal])
        {
            foreach (var letter in await DeadLetters.ListAsync(key, count ?? DefaultListCount, cancellationToken))
            {
                table.Add(key, letter.Id, letter.At.ToString("u", CultureInfo.InvariantCulture), letter.Kind, letter.BotCode, letter.DialogId, OneLine(letter.Reason));
            }
        }

        await table.WriteAsync(output);
        return 0;
    }

    /// <summary>
    /// Puts dead-lettered events back into their dialog's inbox, oldest first and with their attempts reset, and removes
    /// each letter once its event is stored. Dead-lettered REST calls are listed, not replayed: re-sending a message is a
    /// decision about content, not about delivery.
    /// </summary>
    public async Task<int> ReplayAsync(string? portal, int? count, CancellationToken cancellationToken)
    {
        var inbox = services.GetRequiredService<IInboxStore>();
        var table = new TextTable("portal", "id", "bot", "dialog", "event");
        var skipped = 0;
        foreach (var key in portal is null ? Portals() : [portal])
        {
            var letters = await DeadLetters.ListAsync(key, MaxReplay, cancellationToken);
            skipped += letters.Count(l => l.Kind != DeadLetter.Kinds.Event);
            foreach (var letter in letters.Where(l => l.Kind == DeadLetter.Kinds.Event).Reverse())
            {
                if (table.Count >= (count ?? int.MaxValue))
                {
                    break;
                }

                var item = JsonSerializer.Deserialize<InboxItem>(letter.Payload, JsonSerializerOptions.Web)
                    ?? throw new InvalidOperationException($"Dead letter {letter.Id} holds no event.");
                await inbox.EnqueueAsync([item with { Attempts = 0 }], cancellationToken);
                await DeadLetters.RemoveAsync(key, letter.Id, cancellationToken);
                table.Add(key, letter.Id, item.BotCode, item.DialogId, item.DeduplicationKey);
            }
        }

        await table.WriteAsync(output);
        await output.WriteLineAsync($"{table.Count} event(s) replayed into the inbox" + (skipped > 0 ? $"; {skipped} dead-lettered call(s) left as they are." : "."));
        return table.Count > 0 ? 0 : 1;
    }

    private IEnumerable<string> Portals() => Bots.All.Select(b => b.Portal.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 100 ? line[..97] + "..." : line;
    }
}
