namespace ChatBotHost.State.InMemory;

/// <summary>OAuth token pairs in process memory; one lock makes the offer a compare-and-set, like the Redis script.</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OAuthTokens> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<OAuthTokens?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tokens.GetValueOrDefault(memberId));
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tokens.ContainsKey(memberId));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(string memberId, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_gate)
        {
            _tokens[memberId] = tokens;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> OfferAccessTokenAsync(string memberId, string accessToken, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(memberId, out var current) || current.ExpiresAt >= expiresAt)
            {
                return Task.FromResult(false);
            }

            _tokens[memberId] = current with { AccessToken = accessToken, ExpiresAt = expiresAt };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string memberId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _tokens.Remove(memberId);
        }

        return Task.CompletedTask;
    }
}
