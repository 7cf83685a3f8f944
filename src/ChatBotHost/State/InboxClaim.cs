namespace ChatBotHost.State;

/// <summary>
/// A dialog's inbox taken by one worker until its lease ends: <see cref="Item"/> is the dialog's oldest event, and
/// <see cref="Token"/> proves the claim when the worker acknowledges, defers or renews it.
/// </summary>
/// <param name="Item">The head of the dialog's queue.</param>
/// <param name="Token">The claim's token; a later claim of the same dialog gets another.</param>
/// <param name="ClaimedAt">The time the claim was made at; a dialog with more events is ready again from then on.</param>
public sealed record InboxClaim(InboxItem Item, string Token, DateTimeOffset ClaimedAt);
