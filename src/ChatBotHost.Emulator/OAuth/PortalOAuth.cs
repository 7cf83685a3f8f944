using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>
/// The OAuth side of an emulated portal (spec §1.2–1.3): installing the application (ONAPPINSTALL posted to its
/// install URL), expiring its tokens on demand, uninstalling it (ONAPPUNINSTALL posted to the handler the
/// application bound with event.bind), and the administrator's decisions on methods that need confirmation
/// (ONAPPMETHODCONFIRM posted to its bound handler).
/// </summary>
public sealed class PortalOAuth
{
    private readonly IWebhookTransport _transport;
    private readonly CancellationToken _stopping;

    internal PortalOAuth(OAuthServer server, PortalState state, IWebhookTransport transport, IEnumerable<string> confirmedMethods, CancellationToken stopping)
    {
        Confirmations = new MethodConfirmations(state.Settings.TimeProvider, confirmedMethods);
        Server = server;
        Installation = new AppInstallation(state.Settings);
        State = state;
        _transport = transport;
        _stopping = stopping;
    }

    /// <summary>The OAuth server issuing this portal's tokens (possibly shared with other emulators).</summary>
    public OAuthServer Server { get; }

    /// <summary>The portal's stable id (member_id).</summary>
    public string MemberId => State.Settings.MemberId;

    /// <summary>The per-installation secret every event's top-level auth[application_token] carries.</summary>
    public string ApplicationToken => Installation.ApplicationToken;

    /// <summary>True between InstallAppAsync and UninstallAppAsync.</summary>
    public bool IsInstalled => Installation.IsInstalled;

    /// <summary>Where ONAPPUNINSTALL goes; null until the application called event.bind for it.</summary>
    public Uri? UninstallHandler => Installation.UninstallHandler;

    /// <summary>Where ONAPPMETHODCONFIRM goes; null until the application called event.bind for it.</summary>
    public Uri? MethodConfirmHandler => Installation.MethodConfirmHandler;

    internal AppInstallation Installation { get; }

    internal MethodConfirmations Confirmations { get; }

    internal PortalState State { get; }

    /// <summary>The owner key of bots registered by the application, compared like a botToken.</summary>
    internal string Owner => AppInstallation.OwnerPrefix + Server.ClientId;

    /// <summary>
    /// Installs the application (one without UI): issues its first tokens and POSTs the ONAPPINSTALL form to
    /// <paramref name="installUrl"/>; returns the HTTP status the application answered.
    /// </summary>
    public Task<int> InstallAppAsync(Uri installUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installUrl);
        Installation.MarkInstalled();
        var pair = Server.Issue(Installation, State.Settings.AdminUserId);
        var settings = State.Settings;
        var payload = new JsonObject
        {
            ["event"] = "ONAPPINSTALL",
            ["data"] = new JsonObject { ["VERSION"] = "1", ["ACTIVE"] = "Y", ["INSTALLED"] = "Y", ["LANGUAGE_ID"] = settings.Language },
            ["ts"] = settings.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
            // The spec describes the install's scope as space-separated, events' as comma-separated: the emulator sends each so.
            ["auth"] = WithRefreshToken(OAuthAuthBlock.Create(settings, pair.AccessToken, pair.ExpiresAt, "imbot im", Installation.ApplicationToken), pair.RefreshToken),
        };
        return PostAsync(installUrl, payload, cancellationToken);
    }

    // ONAPPINSTALL is the one event that carries the refresh token (spec §1.3).
    private static JsonObject WithRefreshToken(JsonObject auth, string refreshToken)
    {
        auth["refresh_token"] = refreshToken;
        return auth;
    }

    /// <summary>
    /// Uninstalls the application: tokens are revoked first (API access is gone when the event arrives), then
    /// ONAPPUNINSTALL is POSTed to the bound handler. Returns the handler's HTTP status, or null when none was bound.
    /// </summary>
    public async Task<int?> UninstallAppAsync(bool clean, CancellationToken cancellationToken = default)
    {
        var handler = Installation.UninstallHandler;
        var applicationToken = Installation.ApplicationToken;
        Server.Revoke(Installation);
        Installation.MarkUninstalled();
        Confirmations.Clear();
        if (handler is null)
        {
            return null;
        }

        return await PostAsync(handler, UninstallPayload(clean, applicationToken), cancellationToken);
    }

    /// <summary>
    /// The pair the portal gives the installed application when <paramref name="userId"/> opens it: any user of the
    /// application holds one (tests use it to forge a re-install that the OAuth server confirms but no administrator made).
    /// </summary>
    public (string AccessToken, string RefreshToken) IssueUserTokens(int userId)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("The application is not installed.");
        }

        if (State.Settings.AdminUserId != userId && FindPerson(userId) is null)
        {
            throw new ArgumentException($"User {userId} does not exist or is a bot.", nameof(userId));
        }

        var pair = Server.Issue(Installation, userId);
        return (pair.AccessToken, pair.RefreshToken);
    }

    private Portal.EmulatedUser? FindPerson(int userId)
    {
        lock (State.Gate)
        {
            return State.Users.TryGetValue(userId, out var user) && !user.IsBot ? user : null;
        }
    }

    /// <summary>Every access token issued so far now answers 401 expired_token.</summary>
    public void ExpireAccessTokens() => Installation.ExpireAccessTokens();

    /// <summary>The refresh token no longer works (invalid_grant), as after 180 idle days.</summary>
    public void ExpireRefreshTokens() => Server.ExpireRefreshTokens(Installation);

    /// <summary>The ONAPPUNINSTALL payload (spec §1.3); tests forge variants of it.</summary>
    public JsonObject UninstallPayload(bool clean, string applicationToken)
    {
        var settings = State.Settings;
        return new JsonObject
        {
            ["event"] = "ONAPPUNINSTALL",
            ["data"] = new JsonObject { ["LANGUAGE_ID"] = settings.Language, ["CLEAN"] = clean ? 1 : 0 },
            ["ts"] = settings.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
            ["auth"] = EventAuth(applicationToken),
        };
    }

    /// <summary>
    /// The administrator decides a method confirmation request: the decision is recorded (the method runs, or answers
    /// METHOD_CONFIRM_DENIED, for the token that asked), then ONAPPMETHODCONFIRM is POSTed to the bound handler.
    /// Returns the handler's HTTP status, or null when none was bound.
    /// </summary>
    internal async Task<int?> DecideAsync(int requestId, bool allow, CancellationToken cancellationToken)
    {
        var (accessToken, method) = Confirmations.Decide(requestId, allow);
        var payload = MethodConfirmPayload(accessToken, method, allow);
        if (Installation.MethodConfirmHandler is not { } handler)
        {
            ActivityEntries.AppEvent(State, payload, null, "not sent: the application bound no handler");
            return null;
        }

        int? status = null;
        try
        {
            status = await PostAsync(handler, payload, cancellationToken);
            return status;
        }
        finally
        {
            // Shown on the chat page's panel also when the POST failed (status null): the decision stands either way.
            ActivityEntries.AppEvent(State, payload, status, status is null ? "no answer" : null);
        }
    }

    /// <summary>
    /// The ONAPPMETHODCONFIRM payload: data names the token that asked, the method and the decision (CONFIRMED 1/0);
    /// auth carries no tokens, only the portal's ids and the application_token to verify it by.
    /// </summary>
    public JsonObject MethodConfirmPayload(string accessToken, string method, bool confirmed)
    {
        var settings = State.Settings;
        return new JsonObject
        {
            ["event"] = "ONAPPMETHODCONFIRM",
            ["data"] = new JsonObject
            {
                ["TOKEN"] = accessToken,
                ["METHOD"] = method,
                ["CONFIRMED"] = confirmed ? "1" : "0",
                ["LANGUAGE_ID"] = settings.Language,
            },
            ["ts"] = settings.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
            ["auth"] = EventAuth(Installation.ApplicationToken),
        };
    }

    // What the application events without tokens (ONAPPUNINSTALL, ONAPPMETHODCONFIRM) carry in auth (spec §1.3).
    private JsonObject EventAuth(string applicationToken)
    {
        var settings = State.Settings;
        return new JsonObject
        {
            ["domain"] = settings.Domain,
            ["server_endpoint"] = settings.ServerEndpoint,
            ["client_endpoint"] = settings.ClientEndpoint,
            ["member_id"] = settings.MemberId,
            ["application_token"] = applicationToken,
        };
    }

    /// <summary>POSTs a payload form-encoded as http_build_query does; returns the HTTP status.</summary>
    public async Task<int> PostAsync(Uri url, JsonObject payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        return await _transport.PostFormAsync(url, PhpForm.Encode(payload), linked.Token);
    }
}
