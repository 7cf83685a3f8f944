using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The "time" object of every answer (spec §2.2).</summary>
internal static class TimeJson
{
    private const int OperatingWindowSeconds = 600;

    public static JsonObject For(DateTimeOffset start, DateTimeOffset finish, bool withOperating = true)
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
            json["operating_reset_at"] = start.ToUnixTimeSeconds() + OperatingWindowSeconds;
            json["operating"] = 0.0;
        }

        return json;
    }
}
