namespace ChatBotHost.Emulator.Rest;

/// <summary>A Bitrix24 error answer: {"error": Code, "error_description": Description} with an HTTP status.</summary>
internal sealed class RestException(string code, string description, int status = 400) : Exception(description)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    public static RestException AccessDenied(string description) => new("ACCESS_DENIED", description, 403);
}
