namespace ChatBotHost.Pipeline;

/// <summary>What became of an event, and what failed it if it failed.</summary>
/// <param name="Outcome">What became of the event.</param>
/// <param name="Failure">The exception of a failed turn; null otherwise.</param>
internal sealed record TurnResult(TurnOutcome Outcome, Exception? Failure);
