using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>
/// The emulated oauth.bitrix.info: one application (client_id, client_secret) and the portals it is installed on.
/// Several emulators may share one instance, so one host can serve several portals through one OAuth server.
/// Refresh tokens are single-use, as on Bitrix24: a second refresh with the same token gets invalid_grant.
/// </summary>
public sealed class OAuthServer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Grant> _byRefreshToken = new(StringComparer.Ordinal);
    private int _refreshes;

    /// <summary>Creates the server for one application; a random secret when none is given.</summary>
    public OAuthServer(string clientId = "local.chatbothost.app", string? clientSecret = null)
    {
        ClientId = clientId;
        ClientSecret = clientSecret ?? RandomNumberGenerator.GetHexString(40, lowercase: true);
    }

    /// <summary>The application's client_id.</summary>
    public string ClientId { get; }

    /// <summary>The application's client_secret.</summary>
    public string ClientSecret { get; }

    /// <summary>How many refresh_token grants succeeded, over all portals.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshes);

    /// <summary>How many token requests were refused with invalid_grant.</summary>
    public int InvalidGrantCount { get; private set; }

    /// <summary>Answers one /oauth/token/ request (query parameters); status and JSON body.</summary>
    internal (int Status, JsonObject Body) Token(IReadOnlyDictionary<string, string> query)
    {
        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return (401, Error("invalid_client", "Invalid client credentials"));
        }

        if (query.GetValueOrDefault("grant_type") != "refresh_token" || query.GetValueOrDefault("refresh_token") is not { } refresh)
        {
            return (400, Error("invalid_request", "Only grant_type=refresh_token is emulated"));
        }

        lock (_gate)
        {
            if (!_byRefreshToken.Remove(refresh, out var grant) || !grant.Installation.IsInstalled)
            {
                InvalidGrantCount++;
                return (400, Error("invalid_grant", "The refresh token is invalid or was used already"));
            }

            var installation = grant.Installation;
            var pair = installation.Issue(grant.UserId);
            _byRefreshToken[pair.RefreshToken] = grant;
            Interlocked.Increment(ref _refreshes);
            return (200, installation.TokenJson(pair, ClientId));
        }
    }

    /// <summary>Issues a pair acting as <paramref name="userId"/>: the installing administrator's at installation, or a user's who opens the application.</summary>
    internal TokenPair Issue(AppInstallation installation, int userId)
    {
        lock (_gate)
        {
            var pair = installation.Issue(userId);
            _byRefreshToken[pair.RefreshToken] = new Grant(installation, userId);
            return pair;
        }
    }

    /// <summary>Forgets every refresh token of the installation (uninstall).</summary>
    internal void Revoke(AppInstallation installation)
    {
        lock (_gate)
        {
            foreach (var token in _byRefreshToken.Where(p => p.Value.Installation == installation).Select(p => p.Key).ToList())
            {
                _byRefreshToken.Remove(token);
            }
        }
    }

    /// <summary>Makes the installation's current refresh token unusable, as if 180 days had passed.</summary>
    internal void ExpireRefreshTokens(AppInstallation installation) => Revoke(installation);

    private static JsonObject Error(string code, string description) =>
        new() { ["error"] = code, ["error_description"] = description };

    // A refresh token belongs to one installation and one user; refreshing keeps both.
    private sealed record Grant(AppInstallation Installation, int UserId);
}
