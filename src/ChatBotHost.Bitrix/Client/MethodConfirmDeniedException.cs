using System.Net;

namespace ChatBotHost.Bitrix.Client;

/// <summary>The portal administrator refused the method to the application (METHOD_CONFIRM_DENIED, Bitrix24 REST docs).</summary>
public sealed class MethodConfirmDeniedException(string? description, HttpStatusCode statusCode)
    : BitrixApiException(BitrixErrors.MethodConfirmDenied, description, statusCode);
