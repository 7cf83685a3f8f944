using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>The outcome of reading one input: the value, or why it was not accepted.</summary>
public sealed record PromptRecognition
{
    private PromptRecognition(bool succeeded, object? value, LocalizedText? error)
    {
        Succeeded = succeeded;
        Value = value;
        Error = error;
    }

    /// <summary>True when the input gave a valid value.</summary>
    public bool Succeeded { get; }

    /// <summary>The recognized value.</summary>
    public object? Value { get; }

    /// <summary>Why the input was refused, told to the user before the question is asked again.</summary>
    public LocalizedText? Error { get; }

    /// <summary>The input gave this value.</summary>
    public static PromptRecognition Accepted(object? value) => new(true, value, null);

    /// <summary>The input was refused for the reason given.</summary>
    public static PromptRecognition Refused(LocalizedText error) => new(false, null, error);
}
