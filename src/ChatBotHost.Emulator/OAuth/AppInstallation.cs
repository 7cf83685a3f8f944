using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>The application as installed on one portal: its application_token, its access tokens, its event handlers.</summary>
internal sealed class AppInstallation(PortalSettings settings)
{
    public const string OwnerPrefix = "app:";
    private static readonly TimeSpan AccessLifetime = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedToken> _accessTokens = new(StringComparer.Ordinal);

    public bool IsInstalled { get; private set; }

    public string ApplicationToken { get; private set; } = "";

    /// <summary>ONAPPUNINSTALL handler bound with event.bind.</summary>
    public Uri? UninstallHandler { get; set; }

    /// <summary>ONAPPMETHODCONFIRM handler bound with event.bind.</summary>
    public Uri? MethodConfirmHandler { get; set; }

    public PortalSettings Settings { get; } = settings;

    public void MarkInstalled()
    {
        IsInstalled = true;
        ApplicationToken = RandomNumberGenerator.GetHexString(32, lowercase: true);
    }

    public void MarkUninstalled()
    {
        lock (_gate)
        {
            IsInstalled = false;
            _accessTokens.Clear();
            UninstallHandler = null;
            MethodConfirmHandler = null;
        }
    }

    /// <summary>A new pair acting as <paramref name="userId"/> (Bitrix24 issues application tokens per user).</summary>
    public TokenPair Issue(int userId)
    {
        var expires = Settings.TimeProvider.GetUtcNow() + AccessLifetime;
        var pair = new TokenPair(NewToken(), NewToken(), expires, userId);
        lock (_gate)
        {
            _accessTokens[pair.AccessToken] = new IssuedToken(expires, userId);
        }

        return pair;
    }

    /// <summary>Any valid access token of the administrator (for data.bot.auth of webhook deliveries); issues one when none is left.</summary>
    public string CurrentAccessToken()
    {
        lock (_gate)
        {
            var now = Settings.TimeProvider.GetUtcNow();
            var valid = _accessTokens
                .Where(p => p.Value.ExpiresAt > now && p.Value.UserId == Settings.AdminUserId)
                .OrderByDescending(p => p.Value.ExpiresAt).Select(p => p.Key).FirstOrDefault();
            if (valid is not null)
            {
                return valid;
            }
        }

        return Issue(Settings.AdminUserId).AccessToken;
    }

    public AccessCheck Check(string? accessToken) => Check(accessToken, out _);

    /// <summary>What the portal thinks of the token, and whose it is when it is known.</summary>
    public AccessCheck Check(string? accessToken, out int userId)
    {
        lock (_gate)
        {
            userId = 0;
            if (!IsInstalled || accessToken is null || !_accessTokens.TryGetValue(accessToken, out var issued))
            {
                return AccessCheck.Unknown;
            }

            userId = issued.UserId;
            return issued.ExpiresAt > Settings.TimeProvider.GetUtcNow() ? AccessCheck.Valid : AccessCheck.Expired;
        }
    }

    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            var past = Settings.TimeProvider.GetUtcNow().AddSeconds(-1);
            foreach (var token in _accessTokens.Keys.ToList())
            {
                _accessTokens[token] = _accessTokens[token] with { ExpiresAt = past };
            }
        }
    }

    /// <summary>The token endpoint's answer (spec §1.2): domain is oauth.bitrix.info, not the portal.</summary>
    public JsonObject TokenJson(TokenPair pair, string clientId) => new()
    {
        ["access_token"] = pair.AccessToken,
        ["expires"] = pair.ExpiresAt.ToUnixTimeSeconds(),
        ["expires_in"] = (int)AccessLifetime.TotalSeconds,
        ["scope"] = "imbot,im",
        ["domain"] = "oauth.bitrix.info",
        ["server_endpoint"] = Settings.ServerEndpoint,
        ["status"] = "L",
        ["client_endpoint"] = Settings.ClientEndpoint,
        ["member_id"] = Settings.MemberId,
        ["user_id"] = pair.UserId,
        ["refresh_token"] = pair.RefreshToken,
        ["application_token"] = ApplicationToken,
        ["client_id"] = clientId,
    };

    private static string NewToken() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    private readonly record struct IssuedToken(DateTimeOffset ExpiresAt, int UserId);
}
