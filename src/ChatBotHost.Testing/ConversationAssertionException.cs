namespace ChatBotHost.Testing;

/// <summary>A conversation did not go as the test expected.</summary>
public sealed class ConversationAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversationAssertionException()
    {
    }

    /// <summary>Creates the exception with a message saying what was expected and what happened.</summary>
    public ConversationAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public ConversationAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
