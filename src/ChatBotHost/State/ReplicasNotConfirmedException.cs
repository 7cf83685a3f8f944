namespace ChatBotHost.State;

/// <summary>
/// The events were stored on the primary, but fewer replicas than required confirmed them in time, so they must not be
/// acknowledged to Bitrix24: if that primary failed now they would be gone. They stay in the inbox and are handled
/// unless the primary fails first.
/// </summary>
public sealed class ReplicasNotConfirmedException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public ReplicasNotConfirmedException()
        : base("Too few replicas confirmed the events in time.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReplicasNotConfirmedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReplicasNotConfirmedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
