using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Tests.Client;

/// <summary>Hands out "token-1", then "token-2" after a refresh, … ; refreshes only the current token.</summary>
internal sealed class FakeTokenProvider : ITokenProvider
{
    public static readonly Uri Endpoint = new("https://portal.example.com/rest/");

    private int _generation = 1;

    public bool CanRefresh { get; init; } = true;

    public int Refreshes { get; private set; }

    public AccessToken Current => new($"token-{_generation}", Endpoint);

    public ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken)
    {
        if (!CanRefresh)
        {
            return ValueTask.FromResult<AccessToken?>(null);
        }

        if (expired == Current)
        {
            Refreshes++;
            _generation++;
        }

        return ValueTask.FromResult<AccessToken?>(Current);
    }
}
