using System.Security.Cryptography;
using System.Text;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A short hash that is the same in every process (string.GetHashCode is randomized per process).</summary>
internal static class StableHash
{
    public static string Of(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 8));
}
