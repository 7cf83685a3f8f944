namespace ChatBotHost.OAuth;

/// <summary>The OAuth server refused a grant (invalid_grant, invalid_client, …) or could not be reached.</summary>
internal sealed class OAuthGrantException(string error, string message, Exception? inner = null) : Exception(message, inner)
{
    public const string InvalidGrant = "invalid_grant";

    /// <summary>The server's error code; invalid_grant means the portal must install the application again.</summary>
    public string Error { get; } = error;
}
