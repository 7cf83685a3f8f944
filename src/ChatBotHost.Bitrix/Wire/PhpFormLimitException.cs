namespace ChatBotHost.Bitrix.Wire;

/// <summary>
/// A form (or JSON body) exceeds <see cref="FormLimits"/>: too deep or too many keys. A <see cref="FormatException"/>,
/// so whoever turns malformed input into a 400 catches it as well; the message is a short reason with no value in it.
/// </summary>
public sealed class PhpFormLimitException : FormatException
{
    /// <summary>Creates the exception with a generic reason.</summary>
    public PhpFormLimitException()
        : base("The body exceeds the decoder's limits.")
    {
    }

    /// <summary>Creates the exception with a short reason, e.g. "more than 10000 keys".</summary>
    public PhpFormLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and the error that caused it.</summary>
    public PhpFormLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
