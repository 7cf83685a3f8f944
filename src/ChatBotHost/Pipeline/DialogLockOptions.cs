namespace ChatBotHost.Pipeline;

/// <summary>Settings of the cross-replica dialog lock.</summary>
internal sealed record DialogLockOptions
{
    /// <summary>
    /// The default lease ttl. A replica killed mid-turn leaves its dialog locked until the ttl runs out, so the user
    /// waits that long for the next reply (CrashRecoveryTests shows it); 10 s keeps that wait short, while renewing
    /// every 3.3 s leaves two more tries before a slow Redis or a long pause costs the lease.
    /// </summary>
    public static readonly DialogLockOptions Default = new() { LeaseTtl = TimeSpan.FromSeconds(10) };

    /// <summary>How long the lease lives without renewal; the holder renews it every third of this.</summary>
    public required TimeSpan LeaseTtl { get; init; }
}
