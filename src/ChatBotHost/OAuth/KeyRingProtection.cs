using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatBotHost.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>
/// Protects the Data Protection key ring (which encrypts the OAuth tokens in Redis) with the operator's X.509
/// certificate: ChatBotHost:DataProtection:CertificatePath (a PKCS#12 file with its private key) and
/// ChatBotHost:DataProtection:CertificatePassword. Without one the key ring sits unencrypted next to the tokens it
/// protects, and a warning says so at start.
/// </summary>
internal static class KeyRingProtection
{
    public const string CertificatePathSetting = "ChatBotHost:DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "ChatBotHost:DataProtection:CertificatePassword";

    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            services.AddHostedService<UnprotectedKeyRingWarning>();
            return services;
        }

        services.AddDataProtection().ProtectKeysWithCertificate(Load(path, configuration[CertificatePasswordSetting]));
        return services;
    }

    // Checked at start, so a wrong path or password stops the host with the setting's name rather than failing the
    // first token read.
    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The message names the settings and the cause, never the password.
            throw Invalid($"{CertificatePathSetting}: the PKCS#12 file could not be read with {CertificatePasswordSetting} ({ex.GetType().Name}).");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Invalid($"{CertificatePathSetting}: the certificate has no private key; the key ring could be encrypted but never read back.");
        }

        return certificate;
    }

    private static OptionsValidationException Invalid(string failure) =>
        new(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), [failure]);
}
