using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ChatBotHost.State;

/// <summary>
/// Encrypts OAuth tokens for storage with ASP.NET Core Data Protection. A protected value starts with
/// <see cref="Marker"/>; a value without it is a record written before tokens were encrypted and is read as it is.
/// </summary>
public sealed class TokenProtection
{
    /// <summary>The application name every replica shares, so they share keys (ASP.NET Core isolates apps by it).</summary>
    public const string ApplicationName = "ChatBotHost";

    /// <summary>What a protected value starts with.</summary>
    public const string Marker = "dp1:";

    private const string Purpose = "ChatBotHost.State.OAuthTokens.v1";
    private readonly IDataProtector _protector;

    /// <summary>Creates the protection from the host's Data Protection provider.</summary>
    public TokenProtection(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <summary>The value to store.</summary>
    public string Protect(string token) => Marker + _protector.Protect(token);

    /// <summary>True when the stored value is a plain-text token from before encryption.</summary>
    public static bool IsPlain(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return !stored.StartsWith(Marker, StringComparison.Ordinal);
    }

    /// <summary>The token; a plain-text value is returned as it is.</summary>
    public string Unprotect(string stored, string memberId)
    {
        if (IsPlain(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Marker.Length..]);
        }
        catch (CryptographicException ex)
        {
            // No token text in the message: only which portal, and what to do.
            throw new InvalidOperationException(
                $"The stored OAuth tokens of portal oauth.{memberId} cannot be decrypted: the Data Protection key that encrypted them is not in the key ring (or the key ring's certificate is missing). Install the application on that portal again.",
                ex);
        }
    }
}
