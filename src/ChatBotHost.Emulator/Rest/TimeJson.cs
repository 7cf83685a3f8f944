using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The "time" object of every answer (spec §2.2).</summary>
internal static class TimeJson
{
    private const int OperatingWindowSeconds = 600;

    /// <param name="start">When the call started.</param>
    /// <param name="finish">When it finished.</param>
    /// <param name="withOperating">Whether to add operating and operating_reset_at (batch sub-calls normally lack them).</param>
    /// <param name="operatingResetAt">A blocked method's reset time; otherwise the end of the 10-minute window.</param>
    public static JsonObject For(DateTimeOffset start, DateTimeOffset finish, bool withOperating = true, DateTimeOffset? operatingResetAt = null)
    {
        var duration = (finish - start).TotalSeconds;
        var json = new JsonObject
        {
            ["start"] = start.ToUnixTimeMilliseconds() / 1000.0,
            ["finish"] = finish.ToUnixTimeMilliseconds() / 1000.0,
            ["duration"] = duration,
            ["processing"] = duration,
            ["date_start"] = WireDate.Format(start),
            ["date_finish"] = WireDate.Format(finish),
        };
        if (withOperating)
        {
            json["operating_reset_at"] = operatingResetAt?.ToUnixTimeSeconds() ?? start.ToUnixTimeSeconds() + OperatingWindowSeconds;
            json["operating"] = 0.0;
        }

        return json;
    }
}
