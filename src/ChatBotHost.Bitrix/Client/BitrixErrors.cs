namespace ChatBotHost.Bitrix.Client;

/// <summary>The error codes the host reacts to (spec §2.3, §4).</summary>
public static class BitrixErrors
{
    /// <summary>503: request rate exceeded.</summary>
    public const string QueryLimitExceeded = "QUERY_LIMIT_EXCEEDED";

    /// <summary>429: the method's execution-time budget is spent.</summary>
    public const string OperationTimeLimit = "OPERATION_TIME_LIMIT";

    /// <summary>503: REST blocked for the portal by hand.</summary>
    public const string OverloadLimit = "OVERLOAD_LIMIT";

    /// <summary>500: server fault.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>500: server fault.</summary>
    public const string UnexpectedAnswer = "ERROR_UNEXPECTED_ANSWER";

    /// <summary>500: the portal was closed.</summary>
    public const string PortalDeleted = "PORTAL_DELETED";

    /// <summary>401: the OAuth access token expired.</summary>
    public const string ExpiredToken = "expired_token";

    /// <summary>401: not in the documented table; treated like expired_token once (spec §1.2).</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>401: bad token or webhook code.</summary>
    public const string NoAuthFound = "NO_AUTH_FOUND";

    /// <summary>The bot was deleted: register it again.</summary>
    public const string BotNotFound = "BOT_NOT_FOUND";

    /// <summary>Another application's bot, or an old token after rotation.</summary>
    public const string BotOwnershipError = "BOT_OWNERSHIP_ERROR";

    /// <summary>No botToken was sent (rev 34+).</summary>
    public const string BotTokenNotSpecified = "BOT_TOKEN_NOT_SPECIFIED";

    /// <summary>The method does not exist.</summary>
    public const string MethodNotFound = "ERROR_METHOD_NOT_FOUND";

    /// <summary>400: more than 50 sub-calls, or the batch is too long.</summary>
    public const string BatchLengthExceeded = "ERROR_BATCH_LENGTH_EXCEEDED";

    /// <summary>405: the method may not run inside a batch (file up/download, nested batch).</summary>
    public const string BatchMethodNotAllowed = "ERROR_BATCH_METHOD_NOT_ALLOWED";

    /// <summary>403: REST is available only on commercial plans, or the user may not call it.</summary>
    public const string AccessDenied = "ACCESS_DENIED";

    /// <summary>403: the webhook or application credentials are not valid.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";

    /// <summary>404: the application's manifest cannot be read.</summary>
    public const string ManifestNotAvailable = "ERROR_MANIFEST_IS_NOT_AVAILABLE";

    /// <summary>403: the token lacks the scope the method needs.</summary>
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>403: the user behind the token may not call the method.</summary>
    public const string UserAccessError = "user_access_error";

    /// <summary>400: the portal requires HTTPS.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>401: the method needs the portal administrator's confirmation, which was asked for and is pending.</summary>
    public const string MethodConfirmWaiting = "METHOD_CONFIRM_WAITING";

    /// <summary>403: the portal administrator refused the method to the application.</summary>
    public const string MethodConfirmDenied = "METHOD_CONFIRM_DENIED";

    /// <summary>Not a Bitrix24 code: the request never got an answer (timeout, refused or dropped connection, unreadable body).</summary>
    public const string Transport = "TRANSPORT_ERROR";
}
