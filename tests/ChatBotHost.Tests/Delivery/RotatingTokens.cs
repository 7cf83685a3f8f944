using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Tests.Delivery;

/// <summary>OAuth tokens "token-1", "token-2"… for an endpoint; a refresh moves on only from the current token.</summary>
internal sealed class RotatingTokens(Uri endpoint) : ITokenProvider
{
    private int _generation = 1;

    public int Refreshes { get; private set; }

    private AccessToken Current => new($"token-{_generation}", endpoint);

    public ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken)
    {
        if (expired == Current)
        {
            Refreshes++;
            _generation++;
        }

        return ValueTask.FromResult<AccessToken?>(Current);
    }
}
