using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// /rest/{userId}/{code}/{method}[.json]: checks the incoming-webhook credentials and the rate limit, holds the call if
/// a test asked to, applies an injected fault if one is armed, then dispatches and writes Bitrix24's envelope.
/// </summary>
internal sealed class RestEndpoint(EmulatedPortal portal, string webhookCode)
{
    private readonly RestDispatcher _dispatcher = new(portal);
    private readonly FaultAnswers _faults = new(portal);

    public async Task HandleAsync(HttpContext http)
    {
        var method = MethodNames.Normalize(http.GetRouteValue("method") as string ?? "");
        if (!Authenticated(http))
        {
            await RefuseAsync(http, method, 401, JsonAnswer.Error("NO_AUTH_FOUND", "Wrong authorization data"));
            return;
        }

        // The bucket counts arrivals, before the body is even read: a refused request costs the portal nothing.
        if (!await AdmitAsync(http, method))
        {
            return;
        }

        if (await ReadParametersAsync(http, method) is not { } parameters)
        {
            return;
        }

        // An incoming webhook acts as the user who created it: the emulated webhook is the administrator's.
        await ServeAsync(http, method, parameters, new Caller(portal.AdminUserId));
    }

    /// <summary>/rest/{method}: an OAuth call (spec §1.2), authorized by the access token in "auth".</summary>
    public async Task HandleOAuthAsync(HttpContext http)
    {
        var method = MethodNames.Normalize(http.GetRouteValue("method") as string ?? "");
        if (await ReadParametersAsync(http, method) is not { } parameters)
        {
            return;
        }

        var token = parameters["auth"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        switch (portal.OAuth.Installation.Check(token, out var userId))
        {
            case OAuth.AccessCheck.Expired:
                await RefuseAsync(http, method, 401, JsonAnswer.Error("expired_token", "The access token provided has expired."));
                return;
            case OAuth.AccessCheck.Unknown:
                await RefuseAsync(http, method, 401, JsonAnswer.Error("NO_AUTH_FOUND", "Wrong authorization data"));
                return;
        }

        if (!await AdmitAsync(http, method))
        {
            return;
        }

        // The application owns its bots: its identity stands where a webhook caller's botToken would.
        parameters.Remove("auth");
        parameters["botToken"] = portal.OAuth.Owner;
        await ServeAsync(http, method, parameters, new Caller(userId, token));
    }

    private async Task ServeAsync(HttpContext http, string method, JsonObject parameters, Caller caller)
    {
        var involved = InvolvedMethods(method, parameters);
        if (!await portal.CallGate.PassAsync(involved, http.RequestAborted))
        {
            // The client gave up (or the emulator is stopping) while the call was held: drop it unapplied, as if it
            // never reached the portal, and cut the connection rather than answer.
            Record(method, RecordedCall.ClientClosedRequest, null);
            http.Abort();
            return;
        }

        var fault = portal.Faults.Take(involved);
        if (fault is not null && await _faults.PreemptAsync(http, method, fault))
        {
            return;
        }

        var outcome = _dispatcher.Invoke(method, parameters, inBatch: false, caller);
        if (fault is null || await _faults.BeforeAnswerAsync(http, method, fault))
        {
            await JsonAnswer.WriteAsync(http, outcome.Status, outcome.Body());
        }
    }

    // The leaky bucket (when the test configured one); a refusal is answered here.
    private async Task<bool> AdmitAsync(HttpContext http, string method)
    {
        if (portal.Limits.TryAdmit())
        {
            return true;
        }

        var status = portal.Limits.RateLimit?.RefusalStatus ?? 503;
        await RefuseAsync(http, method, status, JsonAnswer.Error("QUERY_LIMIT_EXCEEDED", "Too many requests"));
        return false;
    }

    // The call's parameters from the query and the body (form or JSON); null after answering a body it cannot read.
    private async Task<JsonObject?> ReadParametersAsync(HttpContext http, string method)
    {
        try
        {
            return await RestRequestReader.ReadAsync(http.Request, http.RequestAborted);
        }
        catch (RestException error)
        {
            await RefuseAsync(http, method, error.Status, JsonAnswer.Error(error.Code, error.Message));
            return null;
        }
    }

    private bool Authenticated(HttpContext http) =>
        string.Equals(http.GetRouteValue("userId") as string, portal.AdminUserId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        && string.Equals(http.GetRouteValue("code") as string, webhookCode, StringComparison.Ordinal);

    private static List<string> InvolvedMethods(string method, JsonObject parameters) =>
        string.Equals(method, RestDispatcher.BatchMethodName, StringComparison.OrdinalIgnoreCase)
            ? [method, .. BatchMethod.Methods(parameters)]
            : [method];

    private Task RefuseAsync(HttpContext http, string method, int status, JsonObject body)
    {
        Record(method, status, body["error"]?.GetValue<string>());
        return JsonAnswer.WriteAsync(http, status, body);
    }

    private void Record(string method, int status, string? error) =>
        portal.CallLog.Add(new RecordedCall(method, status, error, portal.State.Now));
}
