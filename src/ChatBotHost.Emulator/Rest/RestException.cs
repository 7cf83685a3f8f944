namespace ChatBotHost.Emulator.Rest;

/// <summary>A Bitrix24 error answer: {"error": Code, "error_description": Description} with an HTTP status.</summary>
internal sealed class RestException(string code, string description, int status = 400) : Exception(description)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    /// <summary>For OPERATION_TIME_LIMIT: when the method's budget frees up, answered as time.operating_reset_at.</summary>
    public DateTimeOffset? OperatingResetAt { get; init; }

    public static RestException AccessDenied(string description) => new("ACCESS_DENIED", description, 403);

    public static RestException OperationTimeLimit(DateTimeOffset resetAt) =>
        new("OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.", 429) { OperatingResetAt = resetAt };
}
