using System.Globalization;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>
/// A question whose answer is a <typeparamref name="T"/>: parsed by the prompt type, then checked by the validators
/// added with <see cref="Validate"/>. A refused answer is told its reason and asked again, up to <see cref="MaxAttempts"/>.
/// </summary>
public abstract class Prompt<T> : IPrompt
{
    private readonly List<(Func<T, bool> Rule, LocalizedText Error)> _validators = [];

    /// <summary>Creates the prompt with its question.</summary>
    protected Prompt(LocalizedText question)
    {
        ArgumentNullException.ThrowIfNull(question);
        Question = question;
    }

    /// <summary>The question.</summary>
    public LocalizedText Question { get; }

    /// <summary>Said instead of the prompt's own reason when an answer is refused (validators' errors still win).</summary>
    public LocalizedText? RetryText { get; init; }

    /// <inheritdoc />
    public int MaxAttempts { get; init; } = 3;

    /// <inheritdoc />
    public TimeSpan? Timeout { get; init; }

    /// <inheritdoc />
    public virtual bool DisablesTextField => false;

    /// <summary>Adds a rule the parsed answer must pass; <paramref name="error"/> is said when it does not.</summary>
    public Prompt<T> Validate(Func<T, bool> rule, LocalizedText error)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(error);
        _validators.Add((rule, error));
        return this;
    }

    /// <inheritdoc />
    public MessageFields Render(PromptRendering rendering)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        var question = Question.In(rendering.Culture);
        return Decorate(
            new MessageFields { Message = rendering.Error is null ? question : $"{rendering.Error}\n{question}" },
            rendering);
    }

    /// <inheritdoc />
    public PromptRecognition Recognize(PromptInput input, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(culture);
        if (!TryParse(input, culture, out var value, out var reason))
        {
            return PromptRecognition.Refused(RetryText ?? reason);
        }

        foreach (var (rule, error) in _validators)
        {
            if (!rule(value))
            {
                return PromptRecognition.Refused(error);
            }
        }

        return PromptRecognition.Accepted(value);
    }

    /// <summary>Reads the answer; on failure gives the reason told to the user.</summary>
    protected abstract bool TryParse(PromptInput input, CultureInfo culture, out T value, out LocalizedText reason);

    /// <summary>Adds what the question needs beyond its text, such as buttons.</summary>
    protected virtual MessageFields Decorate(MessageFields message, PromptRendering rendering) => message;
}
