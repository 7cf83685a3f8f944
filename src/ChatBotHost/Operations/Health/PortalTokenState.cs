namespace ChatBotHost.Operations.Health;

/// <summary>
/// How the host authenticates to one portal right now, as /health/ready shows it. <see cref="State"/> is one of
/// <see cref="States"/>; anything but ok or webhook marks readiness Degraded (the operator must act, e.g. reinstall).
/// </summary>
internal sealed record PortalTokenState(string Portal, string State, string? Detail = null)
{
    /// <summary>The states the host knows; an OAuth source may report more (they count as not healthy).</summary>
    public static class States
    {
        /// <summary>The portal is reached through an incoming-webhook URL: no token to refresh.</summary>
        public const string Webhook = "webhook";

        /// <summary>OAuth tokens are valid (or refreshable).</summary>
        public const string Ok = "ok";

        /// <summary>The refresh token was refused: the app must be installed again on the portal.</summary>
        public const string NeedsReinstall = "needs-reinstall";
    }

    public bool IsHealthy => State is States.Webhook or States.Ok;
}
