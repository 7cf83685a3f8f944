using System.Security.Cryptography;
using System.Text;

namespace ChatBotHost.Operations.Logging;

/// <summary>
/// Compares a secret a sender presented with the one the host holds, in time that does not depend on where they first
/// differ, so a forger cannot find a URL secret or an application_token one character at a time.
/// </summary>
internal static class SecretComparison
{
    public static bool AreEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
