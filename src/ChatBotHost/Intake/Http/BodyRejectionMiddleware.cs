namespace ChatBotHost.Intake.Http;

/// <summary>
/// Answers a request whose body was refused while it was read (too large, too slow, not decodable) with the status the
/// refusal carries and a short reason, instead of Kestrel's empty answer and an error in the log for every hostile
/// request. The reason is ours or a fixed text, never a body's content.
/// </summary>
internal sealed partial class BodyRejectionMiddleware(RequestDelegate next, ILogger<BodyRejectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            var reason = ReasonOf(ex);
            LogRefused(logger, http.Request.Method, ex.StatusCode, reason);
            http.Response.Clear();
            await Results.Problem(reason, statusCode: ex.StatusCode).ExecuteAsync(http);
        }
    }

    // Our readers give a reason written for the sender; anyone else's text (Kestrel's, the framework's) is replaced by a
    // fixed one per status, so nothing they may quote from the request is echoed.
    private static string ReasonOf(BadHttpRequestException ex) => ex switch
    {
        BodyRejectedException => ex.Message,
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => "The body is too large.",
        { StatusCode: StatusCodes.Status408RequestTimeout } => "The body arrived too slowly.",
        _ => "The body could not be read.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Method} request's body with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, int status, string reason);
}
