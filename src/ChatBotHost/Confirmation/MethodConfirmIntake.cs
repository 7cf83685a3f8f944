using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Configuration;
using ChatBotHost.Intake.Http;
using ChatBotHost.OAuth;
using ChatBotHost.Operations.Logging;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Confirmation;

/// <summary>
/// Takes ONAPPMETHODCONFIRM (OAuth mode; bound at install next to ONAPPUNINSTALL). Verified like the other application
/// events: the portal must be installed here and auth[application_token] must be its installation's, or the answer is
/// 403 and nothing is stored. Then each dialog waiting for the method gets the decision through its inbox.
/// </summary>
internal sealed partial class MethodConfirmIntake(
    IPortalStore portals,
    MethodConfirmDelivery delivery,
    IOptions<ChatBotHostOptions> options,
    ILogger<MethodConfirmIntake> logger)
{
    public async Task<IResult> ReceiveAsync(HttpContext http)
    {
        if (!options.Value.OAuth.IsConfigured)
        {
            return Results.Problem("Application mode is not configured (ChatBotHost:OAuth:ClientId).", statusCode: StatusCodes.Status404NotFound);
        }

        // An over-size or undecodable body ends in ReadFormAsync (BodyRejectedException, answered 413/400 with a reason).
        var form = MethodConfirmForm.Read(await ReadFormAsync(http), out var reason);
        if (form is null)
        {
            return Results.Problem(reason, statusCode: StatusCodes.Status400BadRequest);
        }

        var record = await portals.GetAsync(form.MemberId, http.RequestAborted);
        if (record is null || !SecretComparison.AreEqual(form.ApplicationToken, record.ApplicationToken))
        {
            LogRejected(logger, form.MemberId);
            return Results.Problem("Unknown portal or application_token.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Not the request's token: once the portal is verified, a client that hangs up must not half-deliver the decision.
        await delivery.DeliverAsync(OAuthPortal.KeyOf(record.MemberId), form.Method, form.Allowed, form.Language, CancellationToken.None);
        return Results.Ok();
    }

    // Anyone can POST here before any check: capped like the install endpoints, the decoder's limits refuse the rest.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an ONAPPMETHODCONFIRM for portal {MemberId}: unknown portal or wrong application_token")]
    private static partial void LogRejected(ILogger logger, string memberId);
}
