namespace ChatBotHost.Bots.Digest;

/// <summary>What this dialog sent the bot since the last digest: the digest's content.</summary>
public sealed record DigestTally
{
    /// <summary>The state name it is kept under.</summary>
    public const string StateKey = "digest.tally";

    /// <summary>Where the count started: the dialog's first message, or the last digest.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Messages (commands are not counted).</summary>
    public int Messages { get; init; }

    /// <summary>Files those messages carried.</summary>
    public int Files { get; init; }

    /// <summary>The largest file's name, or null when none came.</summary>
    public string? LargestName { get; init; }

    /// <summary>The largest file's size in bytes.</summary>
    public long LargestSize { get; init; }
}
