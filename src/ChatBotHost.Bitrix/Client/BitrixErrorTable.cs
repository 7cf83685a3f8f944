using System.Collections.Frozen;
using System.Net;

namespace ChatBotHost.Bitrix.Client;

/// <summary>
/// The one table that says what every error code means to the host (Bitrix24's system error table, imbot.v2's own codes,
/// and the client's TRANSPORT_ERROR). Everything that decides on a code asks here: the retry policy, the token refresh,
/// re-registration, the batch splitter and the portal suspensions. A code missing from the table is a server fault
/// (retried) when its status is 5xx, a rate limit when it is 429, and the caller's to handle otherwise.
/// </summary>
public static class BitrixErrorTable
{
    private static readonly FrozenDictionary<string, BitrixErrorBehaviour> Codes = new Dictionary<string, BitrixErrorBehaviour>(StringComparer.Ordinal)
    {
        // Transient: the same request may well succeed later.
        [BitrixErrors.InternalServerError] = BitrixErrorBehaviour.RetryWithBackoff,
        [BitrixErrors.UnexpectedAnswer] = BitrixErrorBehaviour.RetryWithBackoff,
        [BitrixErrors.Transport] = BitrixErrorBehaviour.RetryWithBackoff,

        // The portal's leaky bucket (503) or the method's execution-time budget (429, until operating_reset_at).
        [BitrixErrors.QueryLimitExceeded] = BitrixErrorBehaviour.WaitForBucket,
        [BitrixErrors.OperationTimeLimit] = BitrixErrorBehaviour.WaitForBucket,

        // Problems of the batch request rather than of one call in it.
        [BitrixErrors.BatchMethodNotAllowed] = BitrixErrorBehaviour.SendAlone,
        [BitrixErrors.BatchLengthExceeded] = BitrixErrorBehaviour.SendAlone,

        // OAuth (spec §1.2): invalid_token is not documented but means the same.
        [BitrixErrors.ExpiredToken] = BitrixErrorBehaviour.RefreshTokenOnce,
        [BitrixErrors.InvalidToken] = BitrixErrorBehaviour.RefreshTokenOnce,

        // imbot.v2 (spec §4): the bot was deleted on the portal.
        [BitrixErrors.BotNotFound] = BitrixErrorBehaviour.ReRegisterBot,

        // The administrator decides; ONAPPMETHODCONFIRM says when. Denial is the caller's (METHOD_CONFIRM_DENIED below).
        [BitrixErrors.MethodConfirmWaiting] = BitrixErrorBehaviour.ParkForAdministrator,

        // No request to the portal succeeds until someone acts: OVERLOAD_LIMIT is a manual block, PORTAL_DELETED a closed portal.
        [BitrixErrors.OverloadLimit] = BitrixErrorBehaviour.SuspendPortal,
        [BitrixErrors.PortalDeleted] = BitrixErrorBehaviour.SuspendPortal,

        // Retrying cannot help; the caller gets the typed exception with code and description.
        [BitrixErrors.NoAuthFound] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.InvalidRequest] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.AccessDenied] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.InvalidCredentials] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.ManifestNotAvailable] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.InsufficientScope] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.UserAccessError] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.MethodConfirmDenied] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.BotOwnershipError] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.BotTokenNotSpecified] = BitrixErrorBehaviour.FailToCaller,
        [BitrixErrors.MethodNotFound] = BitrixErrorBehaviour.FailToCaller,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code the table names, for tests and documentation.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Codes.Keys;

    /// <summary>The behaviour for <paramref name="error"/> answered with <paramref name="status"/>.</summary>
    public static BitrixErrorBehaviour Of(string error, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Codes.TryGetValue(error, out var behaviour))
        {
            return behaviour;
        }

        // Not in the table: any 429 is a rate limit, any other 5xx a server fault, anything else the caller's.
        return status == HttpStatusCode.TooManyRequests ? BitrixErrorBehaviour.WaitForBucket
            : (int)status >= 500 ? BitrixErrorBehaviour.RetryWithBackoff
            : BitrixErrorBehaviour.FailToCaller;
    }

    /// <summary>The behaviour for the portal's answer carried by <paramref name="error"/>.</summary>
    public static BitrixErrorBehaviour Of(BitrixApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error.Error, error.StatusCode);
    }

    /// <summary>The behaviour for any failure of a call: a non-portal exception (a bug, a stop) is the caller's.</summary>
    public static BitrixErrorBehaviour Of(Exception error) =>
        error is BitrixApiException api ? Of(api) : BitrixErrorBehaviour.FailToCaller;
}
