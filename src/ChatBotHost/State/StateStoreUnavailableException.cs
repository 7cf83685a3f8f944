namespace ChatBotHost.State;

/// <summary>
/// The state store (Redis) could not be reached or did not answer. An InvalidOperationException, as it always was, so
/// existing handlers keep working; its own type lets the web layer answer 503 (try again) rather than 500.
/// </summary>
public sealed class StateStoreUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StateStoreUnavailableException()
        : base("The state store is not reachable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StateStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it (null when it must not be kept).</summary>
    public StateStoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
