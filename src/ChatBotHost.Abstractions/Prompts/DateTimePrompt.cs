using System.Globalization;
using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>
/// Asks for a date and time, read in the user's culture or as ISO 8601 ("2026-11-25 14:30"); a time without an
/// offset is taken in <see cref="TimeZone"/>.
/// </summary>
public sealed class DateTimePrompt(LocalizedText question) : Prompt<DateTimeOffset>(question)
{
    /// <summary>The time zone of answers that name none; UTC unless set.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <inheritdoc />
    protected override bool TryParse(PromptInput input, CultureInfo culture, out DateTimeOffset value, out LocalizedText reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(culture);
        var text = input.Text?.Trim() ?? "";
        reason = string.Format(culture, PromptTexts.NeedDateTime.In(culture), new DateTime(2026, 11, 25, 14, 30, 0).ToString("g", culture));
        value = default;
        // RoundtripKind keeps an explicit offset or Z as an instant; anything else stays Unspecified and takes TimeZone.
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        if (text.Length == 0
            || !(DateTime.TryParse(text, culture, styles, out var local) || DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out local)))
        {
            return false;
        }

        value = local.Kind != DateTimeKind.Unspecified
            ? new DateTimeOffset(local)
            : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone.GetUtcOffset(local));
        return true;
    }
}
