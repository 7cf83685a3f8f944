using System.Net;

namespace ChatBotHost.Bitrix.Client;

/// <summary>
/// The method needs the portal administrator's confirmation and it is pending (METHOD_CONFIRM_WAITING, Bitrix24 REST docs): not a
/// failure to retry in a loop; the ONAPPMETHODCONFIRM event says when the administrator decided.
/// </summary>
public sealed class MethodConfirmWaitingException(string? description, HttpStatusCode statusCode)
    : BitrixApiException(BitrixErrors.MethodConfirmWaiting, description, statusCode);
