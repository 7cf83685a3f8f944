using System.Net;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Bitrix24 answered with its error envelope <c>{"error": ..., "error_description": ...}</c>, or not at all.</summary>
public class BitrixApiException : Exception
{
    /// <summary>Creates the exception from an error envelope.</summary>
    public BitrixApiException(string error, string? description, HttpStatusCode statusCode, long? operatingResetAt = null, Exception? inner = null)
        : base($"{error} (HTTP {(int)statusCode}): {description}", inner)
    {
        Error = error;
        Description = description;
        StatusCode = statusCode;
        OperatingResetAt = operatingResetAt;
    }

    /// <summary>
    /// The exception for an error the portal answered: the typed subclass where a code has one (the administrator's
    /// confirmation), else the plain exception. Direct calls and batch sub-calls both come through here.
    /// </summary>
    public static BitrixApiException From(string error, string? description, HttpStatusCode statusCode, long? operatingResetAt = null) => error switch
    {
        BitrixErrors.MethodConfirmWaiting => new MethodConfirmWaitingException(description, statusCode),
        BitrixErrors.MethodConfirmDenied => new MethodConfirmDeniedException(description, statusCode),
        _ => new BitrixApiException(error, description, statusCode, operatingResetAt),
    };

    /// <summary>The stable error code to switch on, e.g. BOT_NOT_FOUND.</summary>
    public string Error { get; }

    /// <summary>Human-readable text; for logs only, it may change.</summary>
    public string? Description { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Unix time when the method's operation-time budget frees up (OPERATION_TIME_LIMIT), if known.</summary>
    public long? OperatingResetAt { get; }

    /// <summary>What the host does about this answer, from <see cref="BitrixErrorTable"/>.</summary>
    public BitrixErrorBehaviour Behaviour => BitrixErrorTable.Of(Error, StatusCode);

    /// <summary>The request rate or the method's time budget was exceeded (QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT, any 429).</summary>
    public bool IsRateLimited => Behaviour == BitrixErrorBehaviour.WaitForBucket;

    /// <summary>Worth retrying later: rate limits, server faults, timeouts and dropped connections.</summary>
    public bool IsTransient => Behaviour is BitrixErrorBehaviour.RetryWithBackoff or BitrixErrorBehaviour.WaitForBucket;
}
