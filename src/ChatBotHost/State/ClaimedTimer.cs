namespace ChatBotHost.State;

/// <summary>A due timer taken by one claimer for one lease; <see cref="ClaimToken"/> proves the claim when completing it.</summary>
public sealed record ClaimedTimer(TimerEntry Timer, string ClaimToken);
