namespace ChatBotHost.Operations.Cli;

/// <summary>A management command cannot run as asked; its message is for the operator.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
