namespace ChatBotHost.OAuth;

/// <summary>An install the OAuth server confirmed: its new pair, and the portal's REST endpoint as the server named it.</summary>
internal sealed record ConfirmedInstall(string MemberId, TokenGrant Grant, Uri ClientEndpoint)
{
    /// <summary>The portal's address (host, and port when not the default) taken from the confirmed endpoint.</summary>
    public string Domain => ClientEndpoint.IsDefaultPort ? ClientEndpoint.Host : ClientEndpoint.Authority;

    public override string ToString() => $"ConfirmedInstall({MemberId}, {Domain})";
}
