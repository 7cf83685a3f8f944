namespace ChatBotHost.Intake.Http;

/// <summary>How large a body each public endpoint takes; Kestrel's global cap is the largest of them.</summary>
internal static class BodyLimits
{
    /// <summary>
    /// A webhook event: a message is at most 20,000 characters and an attach 60,000 (spec), with a keyboard and the
    /// envelope; percent-encoded (up to 9 bytes per character for 3-byte UTF-8) that stays below 1 MiB.
    /// </summary>
    public const long WebhookBytes = 1024 * 1024;

    /// <summary>
    /// ONAPPINSTALL / ONAPPUNINSTALL and the install page's POST carry a dozen short fields (tokens, domain, endpoints):
    /// about 1 KB. 64 KiB leaves room for anything Bitrix24 may add and refuses the rest before it is decoded.
    /// </summary>
    public const long InstallBytes = 64 * 1024;

    /// <summary>The largest body any endpoint of the host takes: Kestrel's default for every request.</summary>
    public const long LargestBytes = WebhookBytes;
}
