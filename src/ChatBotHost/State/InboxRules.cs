namespace ChatBotHost.State;

/// <summary>The argument rules both inbox stores apply, so they reject the same input.</summary>
internal static class InboxRules
{
    public static void ValidateItem(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(item.Portal);
        ArgumentException.ThrowIfNullOrEmpty(item.BotCode);
        ArgumentException.ThrowIfNullOrEmpty(item.DialogId);
        ArgumentNullException.ThrowIfNull(item.Payload);
    }

    public static void ValidateItems(IReadOnlyList<InboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ValidateItem(item);
            if (item.Portal != items[0].Portal)
            {
                throw new ArgumentException("Items enqueued together must belong to one portal.", nameof(items));
            }
        }
    }

    public static void ValidateClaim(InboxClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ValidateItem(claim.Item);
        ArgumentException.ThrowIfNullOrEmpty(claim.Token);
    }

    /// <summary>A deferred event must stay the event of the claimed dialog: only its attempts may change.</summary>
    public static void ValidateHead(InboxClaim claim, InboxItem head)
    {
        ValidateClaim(claim);
        ValidateItem(head);
        if (head.Portal != claim.Item.Portal || head.BotCode != claim.Item.BotCode || head.DialogId != claim.Item.DialogId)
        {
            throw new ArgumentException("A deferred event must belong to the claimed dialog.", nameof(head));
        }
    }

    public static void ValidateLease(TimeSpan lease, int max = 1)
    {
        TimerRules.ValidateClaim(lease, max);
    }
}
