using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A short hash that is the same in every process (string.GetHashCode is randomized per process).</summary>
internal static class StableHash
{
    public static string Of(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 8));

    /// <summary>
    /// Hashes an object by its PHP form encoding, the one spelling a form body and a JSON body of the same
    /// event share (in a form, 164 and true arrive as "164" and "1", and null and [] vanish).
    /// </summary>
    public static string OfForm(JsonObject value) => Of(PhpForm.Encode(value));
}
