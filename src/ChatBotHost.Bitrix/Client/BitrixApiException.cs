using System.Net;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Bitrix24 answered with its error envelope <c>{"error": ..., "error_description": ...}</c>, or not at all.</summary>
public sealed class BitrixApiException : Exception
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

    /// <summary>The stable error code to switch on, e.g. BOT_NOT_FOUND.</summary>
    public string Error { get; }

    /// <summary>Human-readable text; for logs only, it may change.</summary>
    public string? Description { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Unix time when the method's operation-time budget frees up (OPERATION_TIME_LIMIT), if known.</summary>
    public long? OperatingResetAt { get; }

    /// <summary>The request rate was exceeded (503 QUERY_LIMIT_EXCEEDED, or any 429): back off and retry.</summary>
    public bool IsRateLimited => Error == BitrixErrors.QueryLimitExceeded || Error == BitrixErrors.OperationTimeLimit || StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Worth retrying later: rate limits, server faults, timeouts and dropped connections.</summary>
    public bool IsTransient => IsRateLimited
        || Error is BitrixErrors.InternalServerError or BitrixErrors.UnexpectedAnswer or BitrixErrors.Transport
        || (int)StatusCode >= 500 && Error is not (BitrixErrors.OverloadLimit or BitrixErrors.PortalDeleted);
}
