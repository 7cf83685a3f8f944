namespace ChatBotHost.State;

/// <summary>
/// A dialog's inbox taken by one worker until its lease ends: <see cref="Item"/> is the dialog's oldest event, and
/// <see cref="Token"/> proves the claim when the worker acknowledges, defers, releases or renews it.
/// </summary>
/// <param name="Item">
/// The head of the dialog's queue. Its <see cref="InboxItem.Attempts"/> counts the failed turns recorded with it plus
/// the earlier claims of it that ran out without being settled (<see cref="RanOut"/>).
/// </param>
/// <param name="Token">The claim's token; a later claim of the same dialog gets another.</param>
/// <param name="ClaimedAt">The time the claim was made at; a dialog with more events is ready again from then on.</param>
public sealed record InboxClaim(InboxItem Item, string Token, DateTimeOffset ClaimedAt)
{
    /// <summary>
    /// How many earlier claims of this head ran out without an ack, a deferral or a release: each is a turn that never
    /// finished, most likely because the replica running it died (a crash the event itself may have caused).
    /// </summary>
    public int RanOut { get; init; }
}
