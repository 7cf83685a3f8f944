namespace ChatBotHost.Bitrix.Client;

/// <summary>An OAuth access token and the portal REST endpoint it is valid for (client_endpoint, ending with '/').</summary>
/// <param name="Value">The token itself; a secret.</param>
/// <param name="ClientEndpoint">https://{portal}/rest/.</param>
public sealed record AccessToken(string Value, Uri ClientEndpoint)
{
    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => $"AccessToken({ClientEndpoint.Host}, ***)";
}
