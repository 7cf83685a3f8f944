using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>A portal the application is installed on, as this replica serves it: its record and its tokens.</summary>
internal sealed class OAuthPortal
{
    private volatile PortalRecord _record;

    public OAuthPortal(PortalRecord record, TokenRefreshContext context)
    {
        _record = record;
        Key = KeyOf(record.MemberId);
        ClientEndpoint = new Uri(record.ClientEndpoint.TrimEnd('/') + "/");
        Tokens = new PortalTokens(this, context);
    }

    /// <summary>oauth.{member_id}: the portal's name in state keys; the webhook portal's host:port can never look like it.</summary>
    public string Key { get; }

    public string MemberId => _record.MemberId;

    public Uri ClientEndpoint { get; }

    /// <summary>The latest record (a re-install brings a new application_token).</summary>
    public PortalRecord Record
    {
        get => _record;
        set => _record = value;
    }

    public PortalTokens Tokens { get; }

    /// <summary>Closed when the portal is uninstalled: no request of this replica reaches it afterwards.</summary>
    public PortalGuard Guard { get; } = new();

    public static string KeyOf(string memberId) => "oauth." + memberId;
}
