namespace ChatBotHost.Emulator.OAuth;

/// <summary>Where the administrator's decision on one method confirmation request stands.</summary>
public enum ConfirmationState
{
    /// <summary>Asked and not decided: the method answers 401 METHOD_CONFIRM_WAITING.</summary>
    Pending,

    /// <summary>Allowed: the method runs for the access token that asked.</summary>
    Allowed,

    /// <summary>Denied: the method answers 403 METHOD_CONFIRM_DENIED for the access token that asked.</summary>
    Denied,
}
