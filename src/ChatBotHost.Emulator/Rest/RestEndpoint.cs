using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// /rest/{userId}/{code}/{method}[.json]: checks the incoming-webhook credentials, holds the call if a test asked
/// to, then dispatches and writes Bitrix24's envelope.
/// </summary>
internal sealed class RestEndpoint(EmulatedPortal portal, string webhookCode)
{
    private readonly RestDispatcher _dispatcher = new(portal);

    public async Task HandleAsync(HttpContext http)
    {
        var method = MethodNames.Normalize(http.GetRouteValue("method") as string ?? "");
        if (!Authenticated(http))
        {
            Record(method, StatusCodes.Status401Unauthorized, "NO_AUTH_FOUND");
            await WriteAsync(http, 401, new JsonObject { ["error"] = "NO_AUTH_FOUND", ["error_description"] = "Wrong authorization data" });
            return;
        }

        JsonObject parameters;
        try
        {
            parameters = await RestRequestReader.ReadAsync(http.Request, http.RequestAborted);
        }
        catch (RestException error)
        {
            Record(method, error.Status, error.Code);
            await WriteAsync(http, error.Status, new JsonObject { ["error"] = error.Code, ["error_description"] = error.Message });
            return;
        }

        if (!await portal.CallGate.PassAsync(InvolvedMethods(method, parameters), http.RequestAborted))
        {
            // The client gave up (or the emulator is stopping) while the call was held: drop it unapplied, as if it
            // never reached the portal, and cut the connection rather than answer.
            Record(method, RecordedCall.ClientClosedRequest, null);
            http.Abort();
            return;
        }

        var outcome = _dispatcher.Invoke(method, parameters, inBatch: false);
        await WriteAsync(http, outcome.Status, outcome.Body());
    }

    private bool Authenticated(HttpContext http) =>
        string.Equals(http.GetRouteValue("userId") as string, portal.AdminUserId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        && string.Equals(http.GetRouteValue("code") as string, webhookCode, StringComparison.Ordinal);

    private static List<string> InvolvedMethods(string method, JsonObject parameters) =>
        string.Equals(method, RestDispatcher.BatchMethodName, StringComparison.OrdinalIgnoreCase)
            ? [method, .. BatchMethod.Methods(parameters)]
            : [method];

    private void Record(string method, int status, string? error) =>
        portal.CallLog.Add(new RecordedCall(method, status, error, portal.State.Now));

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
