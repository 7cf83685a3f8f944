namespace ChatBotHost.State;

/// <summary>Whether an OAuth portal can be served.</summary>
public enum PortalStatus
{
    /// <summary>Installed, tokens work (or can be refreshed).</summary>
    Active,

    /// <summary>The refresh token was refused (invalid_grant): the application must be installed again.</summary>
    NeedsReinstall,
}
