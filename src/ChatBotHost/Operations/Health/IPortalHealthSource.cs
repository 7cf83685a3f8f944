namespace ChatBotHost.Operations.Health;

/// <summary>
/// A source of per-portal token states for /health/ready. The webhook connection is one; an OAuth token store adds
/// itself as another (register it as an <see cref="IPortalHealthSource"/> singleton) to report ok or needs-reinstall.
/// </summary>
internal interface IPortalHealthSource
{
    /// <summary>The state of every portal this source knows; asked on every readiness request, so it should be cheap.</summary>
    IEnumerable<PortalTokenState> GetTokenStates();
}
