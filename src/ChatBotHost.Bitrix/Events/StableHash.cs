using System.Buffers;
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
    /// <see cref="PhpForm.Encode"/> walks the tree without recursion, whatever its depth.
    /// </summary>
    public static string OfForm(JsonObject value) => Of(PhpForm.Encode(value));

    /// <summary>
    /// The identity of one webhook delivery: the first 16 bytes of the SHA-256 of its exact body, as 32 hex digits.
    /// 128 bits, so two different deliveries never share a key by chance; a forger who wants to collide with a
    /// genuine delivery would have to know its body, tokens included.
    /// </summary>
    public static string OfDelivery(string body)
    {
        var length = Encoding.UTF8.GetMaxByteCount(body.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(body, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
