using System.Globalization;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>Dates as Bitrix24 writes them: ISO 8601 with offset, no fraction.</summary>
internal static class WireDate
{
    public static string Format(DateTimeOffset date) =>
        date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
