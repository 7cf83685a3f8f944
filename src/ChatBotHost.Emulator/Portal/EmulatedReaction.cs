namespace ChatBotHost.Emulator.Portal;

/// <summary>One reaction set on a message.</summary>
public sealed record EmulatedReaction(int MessageId, int UserId, string Reaction);
