namespace ChatBotHost.Abstractions.Proactive;

/// <summary>A proactive message was refused before it was queued; the message says why, and names no secret.</summary>
public sealed class BotMessengerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BotMessengerException(string message, bool botNotFound)
        : base(message) => BotNotFound = botNotFound;

    /// <summary>Creates the exception.</summary>
    public BotMessengerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BotMessengerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BotMessengerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when no such bot serves the named portal here (an endpoint answers 404); false for a bad message.</summary>
    public bool BotNotFound { get; }
}
