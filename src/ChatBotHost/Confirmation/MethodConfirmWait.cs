namespace ChatBotHost.Confirmation;

/// <summary>A dialog whose call was answered METHOD_CONFIRM_WAITING: who gets the administrator's decision.</summary>
/// <param name="BotCode">The bot that made the call.</param>
/// <param name="DialogId">The dialog the call was made from, or <c>-</c> for a turn that belongs to no dialog.</param>
/// <param name="Language">The turn's language, so the decision's turn answers in it.</param>
internal sealed record MethodConfirmWait(string BotCode, string DialogId, string? Language = null)
{
    /// <summary>The field naming the wait inside its (portal, method) record: one per bot and dialog.</summary>
    public string Field => $"{BotCode}\n{DialogId}";
}
