using ChatBotHost.Bitrix.Events;
using ChatBotHost.Inbox;
using ChatBotHost.State;

namespace ChatBotHost.Confirmation;

/// <summary>
/// Hands the administrator's decision on a method to every dialog that waits for it: one <see cref="MethodConfirmDecided"/>
/// per waiting (bot, dialog), stored in that dialog's inbox, so it runs in order with the dialog's other events, under
/// its claim, on whichever replica takes it. The waits are removed once the events are stored.
/// </summary>
internal sealed partial class MethodConfirmDelivery(
    IMethodConfirmWaits waits, InboxWriter inbox, TimeProvider time, ILogger<MethodConfirmDelivery> logger)
{
    /// <summary>Stores the decision for each waiting dialog; returns how many there were.</summary>
    public async Task<int> DeliverAsync(string portal, string method, bool allowed, string? language, CancellationToken cancellationToken)
    {
        var waiting = await waits.ListAsync(portal, method, cancellationToken);
        if (waiting.Count == 0)
        {
            LogNobodyWaits(logger, portal, method, allowed);
            return 0;
        }

        var now = time.GetUtcNow();
        var items = waiting.Select(wait => ToItem(portal, method, allowed, wait, wait.Language ?? language, now)).ToArray();
        await inbox.EnqueueAsync(items, cancellationToken);

        // After the events are stored: a crash in between hands the decision out again, which the dialog's duplicate
        // check drops, rather than losing it.
        await waits.RemoveAsync(portal, method, waiting, CancellationToken.None);
        LogDelivered(logger, portal, method, allowed, items.Length);
        return items.Length;
    }

    private static InboxItem ToItem(string portal, string method, bool allowed, MethodConfirmWait wait, string? language, DateTimeOffset now)
    {
        var decision = new MethodConfirmDecided
        {
            Source = EventSource.Webhook,
            Date = now,
            Method = method,
            Allowed = allowed,
            Portal = portal,
            TargetDialogId = wait.DialogId == InboxItem.NoDialog ? null : wait.DialogId,
            Language = language,
        };
        return new InboxItem
        {
            Portal = portal,
            BotCode = wait.BotCode,
            DialogId = wait.DialogId,
            DeduplicationKey = decision.DeduplicationKey,
            Source = InboxItem.Sources.Confirmation,
            Payload = MethodConfirmDecidedJson.Serialize(decision),
            ReceivedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: the administrator decided on {Method} (allowed: {Allowed}), but no dialog waits for it")]
    private static partial void LogNobodyWaits(ILogger logger, string portal, string method, bool allowed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: the administrator decided on {Method} (allowed: {Allowed}); {Dialogs} waiting dialogs get the decision")]
    private static partial void LogDelivered(ILogger logger, string portal, string method, bool allowed, int dialogs);
}
