using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBotHost.Bots.Reminder;

/// <summary>Reads delays such as "45s", "10m", "2h", "1d" or combined "1h30m", and writes them back in words.</summary>
public static class ReminderDelay
{
    /// <summary>The longest delay accepted; the timer store is not meant as a calendar.</summary>
    public static TimeSpan Max { get; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Reads a delay: numbers with units d, h, m, s in that order, each at most once, no spaces, any letter case.
    /// A delay past what <see cref="TimeSpan"/> holds reads as <see cref="TimeSpan.MaxValue"/>, so callers can say
    /// "too long" rather than "unreadable"; zero reads as zero, so the caller decides whether it means anything.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var match = text is null ? Match.Empty : DelayPattern.Match(text);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        // Up to 12 digits per unit keep the sum within a long (4 × 10^12 days in seconds < 2^63).
        long seconds = 0;
        foreach (var (group, unitSeconds) in Units)
        {
            if (match.Groups[group].Success)
            {
                seconds += long.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) * unitSeconds;
            }
        }

        delay = seconds >= (long)TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The delay in English words, largest unit first: "1 hour 30 minutes"; below a second, "0 seconds".</summary>
    public static string Describe(TimeSpan delay)
    {
        var text = new StringBuilder();
        Append(text, delay.Days, "day");
        Append(text, delay.Hours, "hour");
        Append(text, delay.Minutes, "minute");
        Append(text, delay.Seconds, "second");
        return text.Length == 0 ? "0 seconds" : text.ToString();
    }

    private static readonly (string Group, long Seconds)[] Units = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)];

    private static void Append(StringBuilder text, int count, string unit)
    {
        if (count == 0)
        {
            return;
        }

        text.Append(text.Length == 0 ? "" : " ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (count != 1)
        {
            text.Append('s');
        }
    }

    // A plain Regex, not [GeneratedRegex]: the bots folder is compiled by the host, which runs no source generators.
    private static readonly Regex DelayPattern = new(
        "^(?:(?<d>[0-9]{1,12})d)?(?:(?<h>[0-9]{1,12})h)?(?:(?<m>[0-9]{1,12})m)?(?:(?<s>[0-9]{1,12})s)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
