namespace ChatBotHost.OAuth;

/// <summary>A request to an application portal that was uninstalled: it was not sent.</summary>
internal sealed class PortalUninstalledException(string portal)
    : HttpRequestException(HttpRequestError.Unknown, $"Portal {portal} was uninstalled; the request was not sent.")
{
    public string Portal { get; } = portal;
}
