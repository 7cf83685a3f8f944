namespace ChatBotHost.Operations.Health;

/// <summary>
/// A source of per-portal token states for /health/ready. The webhook connection is one; the application portals
/// (<see cref="OAuthPortalHealthSource"/>) are another; more register as <see cref="IPortalHealthSource"/> singletons.
/// </summary>
internal interface IPortalHealthSource
{
    /// <summary>The state of every portal this source knows; asked on every readiness request, so it should be cheap.</summary>
    Task<IReadOnlyList<PortalTokenState>> GetTokenStatesAsync(CancellationToken cancellationToken);
}
