namespace ChatBotHost.State;

/// <summary>
/// The inbox store refused an enqueue because it got it after the caller's deadline: nothing of it was stored, so the
/// caller may tell its sender the event was not accepted, and mean it.
/// </summary>
public sealed class EnqueueTooLateException : TimeoutException
{
    /// <summary>Creates the exception with the default message.</summary>
    public EnqueueTooLateException()
        : base("The inbox store got the events after their deadline and stored none of them.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EnqueueTooLateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EnqueueTooLateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
