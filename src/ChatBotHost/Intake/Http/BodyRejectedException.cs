namespace ChatBotHost.Intake.Http;

/// <summary>
/// A request body the host refuses (too large, not decodable), with the status to answer and a reason written for the
/// sender; <see cref="BodyRejectionMiddleware"/> answers it. A BadHttpRequestException, so Kestrel answers the same
/// status if it ever escaped the middleware.
/// </summary>
internal sealed class BodyRejectedException : BadHttpRequestException
{
    public BodyRejectedException(string reason, int statusCode)
        : base(reason, statusCode)
    {
    }

    public BodyRejectedException(string reason, int statusCode, Exception innerException)
        : base(reason, statusCode, innerException)
    {
    }

    /// <summary>413: the body is larger than the endpoint takes.</summary>
    public static BodyRejectedException TooLarge(long maxBytes, Exception? innerException = null) =>
        innerException is null
            ? new($"The body exceeds {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
            : new($"The body exceeds {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge, innerException);

    /// <summary>400: the body cannot be decoded; the reason names the rule it broke, never its content.</summary>
    public static BodyRejectedException Undecodable(string reason, Exception innerException) =>
        new(reason, StatusCodes.Status400BadRequest, innerException);
}
