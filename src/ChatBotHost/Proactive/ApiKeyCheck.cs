using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Proactive;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> key of an API request against ChatBotHost:Api:Key in constant time: both
/// are hashed first, so neither the comparison nor the key's length shows in the time taken.
/// </summary>
internal sealed class ApiKeyCheck(IOptions<ChatBotHostOptions> options)
{
    private const string Scheme = "Bearer ";

    private readonly byte[]? _expected = options.Value.Api.Key is { Length: > 0 } key ? Hash(key.Trim()) : null;

    /// <summary>Whether the API is on (a key is configured).</summary>
    public bool IsEnabled => _expected is not null;

    public bool IsValid(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (_expected is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(header[Scheme.Length..].Trim()), _expected);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
