namespace ChatBotHost.Operations.Logging;

/// <summary>Stands in a log event for an exception whose text held a secret; it prints the masked text.</summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(string originalType, string maskedText)
        : base($"{originalType} (secrets masked)") => _text = maskedText;

    public RedactedException()
        : this("Exception", "")
    {
    }

    public RedactedException(string message)
        : this("Exception", message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException) => _text = message;

    public override string ToString() => _text;
}
