using System.Globalization;

namespace ChatBotHost.Bots.Digest;

/// <summary>Byte counts as people read them: "512 B", "1.5 KB", "100 MB" (binary units, one decimal).</summary>
public static class FileSize
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>The size in the largest unit it reaches.</summary>
    public static string Describe(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        double size = bytes;
        var unit = 0;
        while (size >= 1024 && unit < Units.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B"
            : $"{size.ToString("0.#", CultureInfo.InvariantCulture)} {Units[unit]}";
    }
}
