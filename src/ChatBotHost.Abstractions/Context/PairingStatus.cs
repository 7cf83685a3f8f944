namespace ChatBotHost.Abstractions.Context;

/// <summary>The end of a pairing.</summary>
public enum PairingStatus
{
    /// <summary>Unknown, expired, already decided, or pressed by another user; answer without saying which.</summary>
    Invalid,

    /// <summary>The user who followed the link confirmed it.</summary>
    Confirmed,

    /// <summary>The user who followed the link declined it.</summary>
    Declined,
}
