namespace ChatBotHost.Operations.Cli;

/// <summary>
/// A management command sent to the running local host: the command and its options only (e.g. ["deadletters",
/// "list", "--count", "5"]); settings cannot change a running host, so none are sent.
/// </summary>
internal sealed record LocalCommandRequest(IReadOnlyList<string> Args)
{
    /// <summary>The most a request may be; a command line is a few dozen bytes.</summary>
    public const int MaxBytes = 4096;
}
