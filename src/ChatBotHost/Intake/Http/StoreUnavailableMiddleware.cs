using ChatBotHost.State;

namespace ChatBotHost.Intake.Http;

/// <summary>
/// A request that failed because the state store (Redis) is down or did not answer in time is answered 503 with a
/// Retry-After and a short reason: the sender may try again, and the exception's text (which names the store's
/// endpoints) stays in the log. Any other failure is left to the server (500, empty body).
/// </summary>
internal sealed partial class StoreUnavailableMiddleware(RequestDelegate next, ILogger<StoreUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && IsStoreFailure(ex))
        {
            LogStoreDown(logger, ex, http.Request.Method);
            http.Response.Clear();
            http.Response.Headers.RetryAfter = "5";
            await Results.Problem("The host's state store is not available; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }
    }

    // Redis's own timeout is not wrapped by the connection (it is not a connection failure), so the chain is searched.
    private static bool IsStoreFailure(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is StateStoreUnavailableException or StackExchange.Redis.RedisException or StackExchange.Redis.RedisTimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Method} request failed because the state store is not available; answered 503")]
    private static partial void LogStoreDown(ILogger logger, Exception exception, string method);
}
