namespace ChatBotHost.Abstractions.Context;

/// <summary>A pairing awaiting confirmation, kept in the dialog's state under its code.</summary>
internal sealed record PendingPairing(int UserId, string Context, DateTimeOffset ExpiresAt);
