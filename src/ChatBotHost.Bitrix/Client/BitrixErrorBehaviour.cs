namespace ChatBotHost.Bitrix.Client;

/// <summary>What the host does when the portal answers an error code; <see cref="BitrixErrorTable"/> picks one per code.</summary>
public enum BitrixErrorBehaviour
{
    /// <summary>The code reaches the caller as a typed <see cref="BitrixApiException"/> carrying code and description.</summary>
    FailToCaller,

    /// <summary>A transient fault (5xx, no answer): try again after an exponential backoff with jitter.</summary>
    RetryWithBackoff,

    /// <summary>The request rate or the method's time budget was exceeded: wait for the portal's bucket, then try again.</summary>
    WaitForBucket,

    /// <summary>The OAuth access token expired: refresh it once, then repeat the request once.</summary>
    RefreshTokenOnce,

    /// <summary>The bot no longer exists on the portal: register it again, then repeat the request once.</summary>
    ReRegisterBot,

    /// <summary>The batch, not the call, was refused: send each of its calls again on its own.</summary>
    SendAlone,

    /// <summary>The method waits for the portal administrator's confirmation: not retried, not dead-lettered; the caller is told.</summary>
    ParkForAdministrator,

    /// <summary>The portal refuses all REST (blocked by hand, or deleted): stop calling it until a probe succeeds.</summary>
    SuspendPortal,
}
