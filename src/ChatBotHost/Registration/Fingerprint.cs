using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Registration;

/// <summary>A short, stable digest of what was sent to the portal, to tell whether it changed since.</summary>
internal static class Fingerprint
{
    public static string Of<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, BitrixJson.Options))).AsSpan(0, 12));
}
