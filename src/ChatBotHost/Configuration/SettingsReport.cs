using Microsoft.Extensions.Options;

namespace ChatBotHost.Configuration;

/// <summary>What <see cref="SettingsCheck"/> found: values that cannot be used, and keys nothing reads.</summary>
internal sealed class SettingsReport(IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
{
    /// <summary>One message per value that cannot be used, each naming its key and what it must be.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>Keys the host does not know (most likely typos); they are logged at start, not refused.</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <summary>
    /// Stops the start with every error at once, as the exception Program.cs prints without a stack trace (exit code 2).
    /// </summary>
    public void ThrowIfFailed()
    {
        if (Errors.Count > 0)
        {
            throw new OptionsValidationException(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), Errors);
        }
    }
}
