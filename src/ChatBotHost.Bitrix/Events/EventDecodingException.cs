namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// An event body or envelope that cannot be read as a Bitrix24 event. The message names the field,
/// never the value, so tokens in a malformed body cannot reach a log.
/// </summary>
public sealed class EventDecodingException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EventDecodingException()
        : base("The event could not be decoded.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventDecodingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public EventDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private EventDecodingException(string message, string field, Exception? innerException)
        : base(message, innerException) => Field = field;

    /// <summary>The path of the offending field, e.g. data.message.id; null when the body as a whole is unreadable.</summary>
    public string? Field { get; }

    internal static EventDecodingException Missing(string field) =>
        new($"The event field '{field}' is missing or empty.", field, null);

    internal static EventDecodingException Unreadable(string field, Exception? innerException = null) =>
        new($"The event field '{field}' has a value of the wrong type.", field, innerException);
}
