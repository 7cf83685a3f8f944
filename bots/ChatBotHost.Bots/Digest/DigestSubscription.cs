namespace ChatBotHost.Bots.Digest;

/// <summary>
/// A dialog's daily digest: the time of day (UTC) and the timer armed for the next one. Kept in the dialog's own state,
/// because the author API has no store shared by the whole bot.
/// </summary>
public sealed record DigestSubscription
{
    /// <summary>The state name it is kept under.</summary>
    public const string StateKey = "digest.subscription";

    /// <summary>When the digest is sent each day, UTC.</summary>
    public TimeOnly At { get; init; }

    /// <summary>The timer of the next digest; a fired timer with another id belongs to an older subscription.</summary>
    public string TimerId { get; init; } = "";
}
