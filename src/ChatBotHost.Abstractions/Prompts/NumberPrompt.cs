using System.Globalization;
using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>Asks for a number, read in the user's culture (and with a dot as decimal separator), optionally within bounds.</summary>
public sealed class NumberPrompt(LocalizedText question) : Prompt<decimal>(question)
{
    /// <summary>The smallest accepted value.</summary>
    public decimal Min { get; init; } = decimal.MinValue;

    /// <summary>The largest accepted value.</summary>
    public decimal Max { get; init; } = decimal.MaxValue;

    /// <inheritdoc />
    protected override bool TryParse(PromptInput input, CultureInfo culture, out decimal value, out LocalizedText reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text?.Trim() ?? "";
        reason = PromptTexts.NeedNumber;
        if (!decimal.TryParse(text, NumberStyles.Number, culture, out value)
            && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (value < Min || value > Max)
        {
            reason = string.Format(culture, PromptTexts.NumberOutOfRange.In(culture), Min, Max);
            return false;
        }

        return true;
    }
}
