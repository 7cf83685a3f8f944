using System.Globalization;
using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>Asks for a line of text; the answer is trimmed, and an empty answer is refused.</summary>
public sealed class TextPrompt(LocalizedText question) : Prompt<string>(question)
{
    /// <summary>Refuses longer answers (after trimming); 0 for no limit.</summary>
    public int MaxLength { get; init; }

    /// <inheritdoc />
    protected override bool TryParse(PromptInput input, CultureInfo culture, out string value, out LocalizedText reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = input.Text?.Trim() ?? "";
        reason = PromptTexts.NeedText;
        if (value.Length == 0)
        {
            return false;
        }

        if (MaxLength > 0 && value.Length > MaxLength)
        {
            reason = string.Format(culture, PromptTexts.TooLong.In(culture), MaxLength);
            return false;
        }

        return true;
    }
}
