namespace ChatBotHost.Configuration;

/// <summary>
/// The "ChatBotHost:DataProtection" section: the certificate that encrypts the Data Protection key ring (which encrypts
/// the OAuth tokens at rest). Read by OAuth.KeyRingProtection at start; declared here so the settings check knows it.
/// </summary>
public sealed class DataProtectionOptions
{
    /// <summary>A PKCS#12 (.pfx) file with a private key; empty leaves the key ring unencrypted (a warning says so).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password; a secret.</summary>
    public string? CertificatePassword { get; set; }
}
