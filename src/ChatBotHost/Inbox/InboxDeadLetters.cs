using System.Text.Json;
using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Puts an event the host gives up on into the dead-letter list, with the reason and without the secrets a webhook
/// or a fetched event carries, so an operator can inspect and replay it.
/// </summary>
internal sealed partial class InboxDeadLetters(TimeProvider time, ILogger<InboxDeadLetters> logger, IDeadLetterStore? store = null)
{
    public async Task AddAsync(InboxItem item, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        LogGivenUp(logger, item.BotCode, item.DialogId, item.LogName, item.Attempts, reason);
        if (store is null)
        {
            // Only until the dead-letter store is registered for every backend; the event is logged above.
            LogNoStore(logger);
            return;
        }

        // Fetched events carry tokens as webhook bodies do: every source is scrubbed alike.
        var shown = EventPayloadScrubber.WithoutSecrets(item);
        await store.AddAsync(
            new DeadLetter
            {
                Portal = item.Portal,
                BotCode = item.BotCode,
                Kind = DeadLetter.Kinds.Event,
                DialogId = item.DialogId == InboxItem.NoDialog ? null : item.DialogId,
                Reason = reason,
                At = time.GetUtcNow(),
                Payload = JsonSerializer.Serialize(shown, JsonSerializerOptions.Web),
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot {Bot} gave up on event {DeduplicationKey} in dialog {DialogId} after {Attempts} attempts: {Reason}")]
    private static partial void LogGivenUp(ILogger logger, string bot, string dialogId, string deduplicationKey, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No dead-letter store is registered; the event is only logged")]
    private static partial void LogNoStore(ILogger logger);
}
