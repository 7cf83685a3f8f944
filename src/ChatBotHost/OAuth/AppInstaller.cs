using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.App;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Intake.Http;
using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>
/// Installs and uninstalls the application on a portal (spec §1.3). Install is verified first: the OAuth server must
/// take the posted refresh token and name the same member_id. Then it stores the portal and the new pair, binds
/// ONAPPUNINSTALL to this host and wakes the portal sync, which registers the bots. Uninstall must carry the
/// installation's application_token; it forgets the tokens and the portal (its pollers stop) and, with CLEAN=1,
/// the bots' registrations too.
/// </summary>
internal sealed partial class AppInstaller(
    IPortalStore portals,
    ITokenStore tokens,
    IBotRegistrationStore registrations,
    BotCatalog catalog,
    AppInstallerContext context,
    IPortalStatePurge? purge = null)
{
    public async Task<IResult> InstallAsync(HttpContext http)
    {
        var settings = context.Options.Value;
        if (!settings.OAuth.IsConfigured)
        {
            return Results.Problem("Application mode is not configured (ChatBotHost:OAuth:ClientId).", statusCode: StatusCodes.Status404NotFound);
        }

        var form = InstallForm.Read(await ReadFormAsync(http), http.Request.Query);
        if (form is null)
        {
            return Results.Problem("Not an ONAPPINSTALL event or install-page POST with member_id, tokens and application_token.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Which wins: a portal configured by incoming webhook is served by it; installing the application there too
        // would register the same bot codes under a second owner (BOT_CODE_ALREADY_TAKEN).
        if (WebhookUrl.TryParse(settings.Portal.WebhookUrl ?? "", out var webhook, out _)
            && WebhookUrl.PortalKey(webhook) == WebhookUrl.PortalKey(new Uri(form.ClientEndpoint)))
        {
            return Results.Problem("This portal is served through ChatBotHost:Portal:WebhookUrl.", statusCode: StatusCodes.Status409Conflict);
        }

        // Anyone can POST to this URL, so the install is believed only after the OAuth server (which knows our
        // client_secret) took its refresh token and named the same portal; the pair it returns is the one kept.
        var grant = await VerifyAsync(form, http.RequestAborted);
        if (grant is null)
        {
            return Results.Problem("The OAuth server did not confirm this installation.", statusCode: StatusCodes.Status403Forbidden);
        }

        var now = context.Time.GetUtcNow();
        await tokens.SaveAsync(form.MemberId, new OAuthTokens(grant.AccessToken, grant.RefreshToken, grant.ExpiresAt, now), http.RequestAborted);
        await portals.SaveAsync(new PortalRecord
        {
            MemberId = form.MemberId,
            Domain = form.Domain,
            ClientEndpoint = grant.ClientEndpoint ?? form.ClientEndpoint,
            ApplicationToken = form.ApplicationToken,
            InstalledAt = now,
        }, http.RequestAborted);
        await BindUninstallAsync(form with { AccessToken = grant.AccessToken, ClientEndpoint = grant.ClientEndpoint ?? form.ClientEndpoint }, http.RequestAborted);
        context.Signal.Pulse();
        var key = OAuthPortal.KeyOf(form.MemberId);
        LogInstalled(context.Logger, key, form.Domain);

        // The install page must call BX24.installFinish(), or the portal sends no events (spec §1.3).
        return form.IsInstallPage
            ? Results.Content("<!DOCTYPE html><html><head><script src=\"//api.bitrix24.com/api/v1/\"></script></head><body><script>BX24.init(function(){BX24.installFinish();});</script></body></html>", "text/html")
            : Results.Ok();
    }

    public async Task<IResult> UninstallAsync(HttpContext http)
    {
        var form = await ReadFormAsync(http);
        var auth = form["auth"] as JsonObject;
        var memberId = auth?["member_id"]?.ToString();
        var presented = auth?["application_token"]?.ToString();
        var record = memberId is null ? null : await portals.GetAsync(memberId, http.RequestAborted);
        if (record is null || presented is null || !SecretsEqual(presented, record.ApplicationToken))
        {
            LogRejected(context.Logger, memberId ?? "(none)");
            return Results.Problem("Unknown portal or application_token.", statusCode: StatusCodes.Status403Forbidden);
        }

        var key = OAuthPortal.KeyOf(record.MemberId);
        await tokens.DeleteAsync(record.MemberId, CancellationToken.None);
        await portals.DeleteAsync(record.MemberId, CancellationToken.None);
        var clean = (form["data"] as JsonObject)?["CLEAN"]?.ToString() == "1";
        if (clean)
        {
            foreach (var definition in catalog.Definitions)
            {
                await registrations.DeleteAsync(key, definition.Code, CancellationToken.None);
            }
        }

        context.Signal.Pulse();
        LogUninstalled(context.Logger, key, clean);
        if (clean)
        {
            await PurgeAsync(key);
        }

        return Results.Ok();
    }

    // After the tokens and the portal are gone, so its bots are stopping and nothing new arrives for it.
    private async Task PurgeAsync(string portal)
    {
        if (purge is null)
        {
            LogNotPurged(context.Logger, portal);
            return;
        }

        try
        {
            var removed = await purge.PurgeAsync(portal, CancellationToken.None);
            LogPurged(context.Logger, portal, removed);
        }
#pragma warning disable CA1031 // the uninstall itself is done: a purge that failed must not turn it into an error for Bitrix24
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPurgeFailed(context.Logger, ex, portal);
        }
    }

    private async Task<TokenGrant?> VerifyAsync(InstallForm form, CancellationToken cancellationToken)
    {
        try
        {
            var grant = await context.Server.RefreshAsync(form.RefreshToken, cancellationToken);
            if (grant.MemberId == form.MemberId)
            {
                return grant;
            }

            LogNotConfirmed(context.Logger, form.MemberId, "the refresh token belongs to another portal");
        }
        catch (OAuthGrantException ex)
        {
            LogNotConfirmed(context.Logger, form.MemberId, ex.Error);
        }

        return null;
    }

    private async Task BindUninstallAsync(InstallForm form, CancellationToken cancellationToken)
    {
        var credentials = new OAuthCredentials(new FixedToken(new AccessToken(form.AccessToken, new Uri(form.ClientEndpoint))), botId: null);
        var client = new BitrixClient(context.HttpClients.CreateClient(PortalConnection.HttpClientName), credentials);
        var handler = context.Address.Absolute(AppInstallEndpoints.UninstallPath).AbsoluteUri;
        try
        {
            await client.CallAsync(new EventBindRequest { Event = "ONAPPUNINSTALL", Handler = handler }, cancellationToken);
        }
        catch (BitrixApiException ex)
        {
            // A re-install finds the handler bound already; anything else is worth a warning, not a failed install.
            LogBindFailed(context.Logger, OAuthPortal.KeyOf(form.MemberId), ex.Error);
        }
    }

    // Anyone can POST here, before any check: the body is capped low (a few KB is real) and refused while it is read,
    // and the decoder's own limits (depth, keys) refuse the rest before anything is built. Either answers 413/400 with
    // the reason (BodyRejectionMiddleware), never an exception's text.
    private static async Task<JsonObject> ReadFormAsync(HttpContext http)
    {
        var body = await RequestBodyReader.ReadAsync(http, BodyLimits.InstallBytes);
        try
        {
            return PhpForm.Decode(body.Trim());
        }
        catch (FormatException ex)
        {
            throw BodyRejectedException.Undecodable($"The form cannot be read: {ex.Message}", ex);
        }
    }

    private static bool SecretsEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private sealed class FixedToken(AccessToken token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken) => ValueTask.FromResult<AccessToken?>(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application installed on portal {Portal} ({Domain})")]
    private static partial void LogInstalled(ILogger logger, string portal, string domain);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application uninstalled from portal {Portal} (clean: {Clean})")]
    private static partial void LogUninstalled(ILogger logger, string portal, bool clean);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an uninstall for portal {MemberId}: unknown portal or wrong application_token")]
    private static partial void LogRejected(ILogger logger, string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an install for portal {MemberId}: the OAuth server did not confirm it ({Reason})")]
    private static partial void LogNotConfirmed(ILogger logger, string memberId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: its state was purged ({Removed} keys and timers)")]
    private static partial void LogPurged(ILogger logger, string portal, long removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Portal {Portal} is uninstalled, but purging its state from Redis failed; that state stays until it is removed by hand")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: with in-memory state its conversations are not purged; they are gone when the host restarts")]
    private static partial void LogNotPurged(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: binding ONAPPUNINSTALL failed ({Error})")]
    private static partial void LogBindFailed(ILogger logger, string portal, string error);
}
