namespace ChatBotHost.Operations.Cli;

/// <summary>What the running local host answers a command with: the exit code and the text for stdout and stderr.</summary>
internal sealed record LocalCommandAnswer(int ExitCode, int ProcessId, string Output, string Error)
{
    /// <summary>The most an answer may be (a long dead-letter list stays far below).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;
}
