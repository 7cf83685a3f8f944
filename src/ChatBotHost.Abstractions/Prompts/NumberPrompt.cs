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
        if (!TryRead(text, culture, out value) && !TryRead(text, CultureInfo.InvariantCulture, out value))
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

    private static bool TryRead(string text, CultureInfo culture, out decimal value)
    {
        value = default;
        return GroupsOfThousands(text, culture.NumberFormat) && decimal.TryParse(text, NumberStyles.Number, culture, out value);
    }

    // .NET takes a group separator anywhere, so "1.5" would read as 15 in German and "1,5" as 15 in English; people only
    // put one between groups of three digits, so anything else must be the other reading (a decimal point) or no number.
    private static bool GroupsOfThousands(string text, NumberFormatInfo format)
    {
        var integerPart = text.Split(format.NumberDecimalSeparator)[0];
        return integerPart.Split(format.NumberGroupSeparator).Skip(1).All(group => group.Length == 3 && group.All(char.IsAsciiDigit));
    }
}
