using System.Globalization;

namespace ChatBotHost.Bots.Digest;

/// <summary>
/// The digest's time of day, in UTC: imbot.v2 events carry no time zone of the user (the spec names none), so there is
/// no portal user's zone to use.
/// </summary>
public static class DigestTime
{
    /// <summary>The time used when /subscribe names none.</summary>
    public static TimeOnly Default { get; } = new(9, 0);

    /// <summary>Reads "9:30" or "09:30" (24-hour clock); an empty text is the default.</summary>
    public static bool TryParse(string? text, out TimeOnly at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            at = Default;
            return true;
        }

        return TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    /// <summary>How long from <paramref name="now"/> until the next <paramref name="at"/> (UTC), never zero: at 09:00 sharp, tomorrow's.</summary>
    public static TimeSpan Until(DateTimeOffset now, TimeOnly at)
    {
        var utc = now.UtcDateTime;
        var next = new DateTimeOffset(DateOnly.FromDateTime(utc).ToDateTime(at), TimeSpan.Zero);
        if (next <= now)
        {
            next = next.AddDays(1);
        }

        return next - now;
    }

    /// <summary>"09:00".</summary>
    public static string Format(TimeOnly at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
}
