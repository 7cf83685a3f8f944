using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>A question a dialog asks and the rules for its answer; the dialog engine asks, reads and retries.</summary>
public interface IPrompt
{
    /// <summary>How many answers are read before the prompt gives up (the dialog then ends with NoValidAnswer).</summary>
    int MaxAttempts { get; }

    /// <summary>When set, an unanswered question is asked again after this long, which counts as an attempt.</summary>
    TimeSpan? Timeout { get; }

    /// <summary>True when the chat's text field is turned off while the question waits, so only buttons answer it.</summary>
    bool DisablesTextField { get; }

    /// <summary>The question as a message, with the reason for a retry in front when there is one.</summary>
    MessageFields Render(PromptRendering rendering);

    /// <summary>Reads one answer.</summary>
    PromptRecognition Recognize(PromptInput input, System.Globalization.CultureInfo culture);
}
