using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.OAuth;
using ChatBotHost.State;

namespace ChatBotHost.Proactive;

/// <summary>
/// <see cref="IBotMessenger"/>: the message goes into its dialog's inbox as a fired message timer, the same event a
/// <c>turn.Timers.ScheduleMessageAsync</c> becomes when due. So it runs as a turn of its own — under the dialog's lock,
/// after the events before it, retried and deduplicated by the inbox — and its send is keyed like any reply.
/// </summary>
/// <remarks>
/// The directory comes lazily: it is built by constructing the bots, and a bot may take this messenger in its
/// constructor — asking for the directory then would ask for the thing being built, and start-up would never end.
/// </remarks>
internal sealed partial class InboxBotMessenger(Lazy<BotDirectory> bots, InboxWriter inbox, TimeProvider time) : IBotMessenger
{
    /// <summary>The longest text taken: five full messages. Longer is surely a mistake, and it would hold the dialog up.</summary>
    public const int MaxTextLength = 5 * 20_000;

    /// <summary>The timer name the queued message carries, for logs.</summary>
    public const string TimerName = "proactive";

    public async Task<string> SendAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Check(message);
        var bot = Find(message) ?? throw new BotMessengerException(
            message.MemberId is null
                ? $"No bot '{message.BotCode}' serves the incoming-webhook portal here (in application mode, name the portal: memberId)."
                : $"No bot '{message.BotCode}' serves the application portal with that member_id here.",
            botNotFound: true);
        // The event names the bot by its portal id, which exists once the bot is registered.
        await bot.Ready.WaitAsync(cancellationToken);

        var keyed = message.IdempotencyKey is not null;
        var id = $"{TimerName}:{(keyed ? Hash(bot, message.IdempotencyKey!) : Guid.NewGuid().ToString("N"))}";
        var evt = new TimerFired
        {
            Source = EventSource.Internal,
            Date = time.GetUtcNow(),
            Bot = new BotInfo { Id = bot.BotId, Code = bot.Code },
            Kind = TimerKind.Message,
            Name = TimerName,
            TimerId = id,
            // An event's duplicate key is its timer id and due time: fixed for a keyed message, so a repeat is a duplicate.
            DueAt = keyed ? DateTimeOffset.UnixEpoch : time.GetUtcNow(),
            Payload = ScheduledMessage.ToPayload(message.Message),
            TargetDialogId = message.DialogId,
        };
        await inbox.EnqueueAsync(
            new InboxItem
            {
                Portal = bot.Portal.Key,
                BotCode = bot.Code,
                DialogId = message.DialogId,
                DeduplicationKey = evt.DeduplicationKey,
                Source = InboxItem.Sources.Timer,
                Payload = TimerFiredJson.Serialize(evt),
                ReceivedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return id;
    }

    private HostedBot? Find(ProactiveMessage message) =>
        message.MemberId is null
            ? bots.Value.FindByCode(message.BotCode) is { Portal.OAuth: null } webhookBot ? webhookBot : null
            : bots.Value.Find(OAuthPortal.KeyOf(message.MemberId), message.BotCode);

    private static void Check(ProactiveMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.BotCode))
        {
            throw new BotMessengerException("Name the bot (its code).", botNotFound: true);
        }

        if (!DialogIdShape().IsMatch(message.DialogId ?? ""))
        {
            throw new BotMessengerException("dialogId must be a user id or chat{N} (letters, digits, | _ : -, at most 64).", botNotFound: false);
        }

        var text = message.Message?.Message;
        if (string.IsNullOrWhiteSpace(text) && message.Message?.Attach is null)
        {
            throw new BotMessengerException("The message has no text and no attach.", botNotFound: false);
        }

        if (text is { Length: > MaxTextLength })
        {
            throw new BotMessengerException($"The message is longer than {MaxTextLength} characters.", botNotFound: false);
        }
    }

    private static string Hash(HostedBot bot, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{bot.Portal.Key}\n{bot.Code}\n{key}")).AsSpan(0, 16));

    [GeneratedRegex("^[A-Za-z0-9|_:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DialogIdShape();
}
