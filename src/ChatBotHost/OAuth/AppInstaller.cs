using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.App;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Configuration;
using ChatBotHost.Confirmation;
using ChatBotHost.Hosting;
using ChatBotHost.Intake.Http;
using ChatBotHost.Operations.Logging;
using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>
/// Installs and uninstalls the application on a portal (spec §1.3). Install is verified first (<see cref="InstallVerifier"/>):
/// the OAuth server must take the posted refresh token and name the same member_id, and a re-install of a known portal
/// must come from one of its administrators; attempts are rate-limited per portal. Then it stores the portal and the new pair, binds
/// ONAPPUNINSTALL and ONAPPMETHODCONFIRM to this host and wakes the portal sync, which registers the bots. Uninstall must carry the
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
    /// <summary>How long an uninstall waits for every replica to confirm it stopped calling the portal.</summary>
    public static readonly TimeSpan RevocationWait = OAuthPortalRunner.InFlightWait + TimeSpan.FromSeconds(2);

    public async Task<IResult> InstallAsync(HttpContext http)
    {
        var settings = context.Options.Value;
        if (!settings.OAuth.IsConfigured)
        {
            return Results.Problem("Application mode is not configured (ChatBotHost:OAuth:ClientId).", statusCode: StatusCodes.Status404NotFound);
        }

        // An over-size or undecodable body ends in ReadFormAsync (BodyRejectedException, answered 413/400 with a reason).
        var form = InstallForm.Read(await ReadFormAsync(http));
        if (form is null)
        {
            return Results.Problem("Not an ONAPPINSTALL event or install-page POST with member_id, tokens and application_token.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Counted before any work: each attempt costs an OAuth server call and maybe a portal call.
        var wait = await context.Attempts.TryAdmitAsync(form.MemberId, http.RequestAborted);
        if (wait > TimeSpan.Zero)
        {
            LogThrottled(context.Logger, form.MemberId);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem("Too many install attempts for this portal; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var install = await context.Verifier.ConfirmAsync(form, http.RequestAborted);
        if (install is null)
        {
            return Results.Problem("The OAuth server did not confirm this installation.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Which wins: a portal configured by incoming webhook is served by it; installing the application there too
        // would register the same bot codes under a second owner (BOT_CODE_ALREADY_TAKEN).
        if (WebhookUrl.TryParse(settings.Portal.WebhookUrl ?? "", out var webhook, out _)
            && WebhookUrl.PortalKey(webhook) == WebhookUrl.PortalKey(install.ClientEndpoint))
        {
            return Results.Problem("This portal is served through ChatBotHost:Portal:WebhookUrl.", statusCode: StatusCodes.Status409Conflict);
        }

        if (await RefuseReinstallAsync(install, http.RequestAborted) is { } refusal)
        {
            return refusal;
        }

        var now = context.Time.GetUtcNow();
        var grant = install.Grant;
        await tokens.SaveAsync(form.MemberId, new OAuthTokens(grant.AccessToken, grant.RefreshToken, grant.ExpiresAt, now), http.RequestAborted);
        await portals.SaveAsync(new PortalRecord
        {
            MemberId = form.MemberId,
            Domain = install.Domain,
            ClientEndpoint = install.ClientEndpoint.AbsoluteUri,
            ApplicationToken = form.ApplicationToken,
            InstalledAt = now,
        }, http.RequestAborted);
        await BindApplicationEventsAsync(install, http.RequestAborted);
        context.Signal.Pulse();
        var key = OAuthPortal.KeyOf(form.MemberId);
        LogInstalled(context.Logger, key, install.Domain);

        // The install page must call BX24.installFinish(), or the portal sends no events (spec §1.3).
        return form.IsInstallPage
            ? Results.Content("<!DOCTYPE html><html><head><script src=\"//api.bitrix24.com/api/v1/\"></script></head><body><script>BX24.init(function(){BX24.installFinish();});</script></body></html>", "text/html")
            : Results.Ok();
    }

    // A portal known here is installed already: replacing its application_token and tokens is an administrator's act.
    // Any user of the application holds a refresh token the OAuth server confirms, so the portal is asked who it is.
    private async Task<IResult?> RefuseReinstallAsync(ConfirmedInstall install, CancellationToken cancellationToken)
    {
        if (await portals.GetAsync(install.MemberId, cancellationToken) is null)
        {
            return null; // first install of this portal: as before, the OAuth server's confirmation is the proof
        }

        switch (await context.Verifier.IsAdministratorAsync(install, cancellationToken))
        {
            case true:
                return null;
            case false:
                LogNotAdministrator(context.Logger, OAuthPortal.KeyOf(install.MemberId));
                return Results.Problem("Only a portal administrator can install the application again.", statusCode: StatusCodes.Status403Forbidden);
            default:
                // Unproven is refused like disproven; the reason says it may be tried again.
                return Results.Problem("The portal did not confirm that these tokens are an administrator's; try again later.", statusCode: StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IResult> UninstallAsync(HttpContext http)
    {
        var form = await ReadFormAsync(http);
        var auth = form["auth"] as JsonObject;
        var memberId = auth?["member_id"]?.ToString();
        var presented = auth?["application_token"]?.ToString();
        var record = memberId is null ? null : await portals.GetAsync(memberId, http.RequestAborted);
        if (record is null || presented is null || !SecretComparison.AreEqual(presented, record.ApplicationToken))
        {
            LogRejected(context.Logger, memberId ?? "(none)");
            return Results.Problem("Unknown portal or application_token.", statusCode: StatusCodes.Status403Forbidden);
        }

        var key = OAuthPortal.KeyOf(record.MemberId);
        // Tokens first: every request to the portal checks they still exist, so from here on no replica starts one.
        await tokens.DeleteAsync(record.MemberId, CancellationToken.None);
        await portals.DeleteAsync(record.MemberId, CancellationToken.None);
        await AnnounceAsync(record);
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

    // Before the answer: each replica confirms once its calls under way finished, so after the 200 none reaches the portal.
    private async Task AnnounceAsync(PortalRecord record)
    {
        var key = OAuthPortal.KeyOf(record.MemberId);
        try
        {
            var result = await context.Revocations.BroadcastAsync(new PortalRevocation(record.MemberId, record.InstalledAt), RevocationWait, CancellationToken.None);
            if (!result.Complete)
            {
                LogNotAllConfirmed(context.Logger, key, result.Heard, result.Confirmed);
            }
        }
#pragma warning disable CA1031 // the tokens are gone already, which stops every replica's next request; the uninstall stands
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAnnounceFailed(context.Logger, ex, key);
        }
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

    // ONAPPMETHODCONFIRM too: a method the administrator must allow answers METHOD_CONFIRM_WAITING, and this event
    // says when they decided, so the dialogs that wait for it can go on (Confirmation/MethodConfirmIntake).
    private async Task BindApplicationEventsAsync(ConfirmedInstall install, CancellationToken cancellationToken)
    {
        await BindAsync(install, "ONAPPUNINSTALL", AppInstallEndpoints.UninstallPath, cancellationToken);
        await BindAsync(install, MethodConfirmForm.EventName, MethodConfirmEndpoints.Path, cancellationToken);
    }

    private async Task BindAsync(ConfirmedInstall install, string eventName, string path, CancellationToken cancellationToken)
    {
        var handler = context.Address.Absolute(path).AbsoluteUri;
        try
        {
            await context.Verifier.ClientFor(install).CallAsync(new EventBindRequest { Event = eventName, Handler = handler }, cancellationToken);
        }
        catch (BitrixApiException ex)
        {
            // A re-install finds the handler bound already; anything else is worth a warning, not a failed install.
            LogBindFailed(context.Logger, OAuthPortal.KeyOf(install.MemberId), eventName, ex.Error);
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


    [LoggerMessage(Level = LogLevel.Information, Message = "Application installed on portal {Portal} ({Domain})")]
    private static partial void LogInstalled(ILogger logger, string portal, string domain);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application uninstalled from portal {Portal} (clean: {Clean})")]
    private static partial void LogUninstalled(ILogger logger, string portal, bool clean);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an uninstall for portal {MemberId}: unknown portal or wrong application_token")]
    private static partial void LogRejected(ILogger logger, string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a re-install for portal {Portal}: its tokens are not a portal administrator's")]
    private static partial void LogNotAdministrator(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: {Heard} replicas heard the uninstall, {Confirmed} confirmed in time")]
    private static partial void LogNotAllConfirmed(ILogger logger, string portal, int heard, int confirmed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Portal {Portal}: announcing the uninstall to the other replicas failed; they stop at their next request")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Throttled install attempts for portal {MemberId}")]
    private static partial void LogThrottled(ILogger logger, string memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: its state was purged ({Removed} keys and timers)")]
    private static partial void LogPurged(ILogger logger, string portal, long removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Portal {Portal} is uninstalled, but purging its state from Redis failed; that state stays until it is removed by hand")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: with in-memory state its conversations are not purged; they are gone when the host restarts")]
    private static partial void LogNotPurged(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: binding {Event} failed ({Error})")]
    private static partial void LogBindFailed(ILogger logger, string portal, string @event, string error);
}
