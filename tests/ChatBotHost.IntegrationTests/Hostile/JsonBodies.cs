using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// JSON bodies: nesting bombs for every endpoint, and the damaged variants of a genuine chat API body
/// ({"text": …}) for the emulator's chat API, which must take JSON only.
/// </summary>
internal static class JsonBodies
{
    public const string JsonType = "application/json";

    /// <summary>Arrays or objects nested 100 to a million levels deep, closed or not.</summary>
    public static HostileBody Bomb(Random random)
    {
        var depth = (int)FormBodies.LogUniform(random, 100, 1_000_000);
        var shape = random.Next(3);
        var open = shape == 0 ? "[" : "{\"a\":";
        var close = shape == 0 ? "]" : "}";
        var text = new StringBuilder(depth * (open.Length + 1) + 8);
        for (var i = 0; i < depth; i++)
        {
            text.Append(open);
        }

        text.Append('1');
        if (shape != 2)
        {
            for (var i = 0; i < depth; i++)
            {
                text.Append(close);
            }
        }

        return Json(text.ToString(), Answers.Of(400, 413, 415)) with { Note = $"depth {depth}{(shape == 2 ? ", unclosed" : "")}" };
    }

    public static HostileBody Truncated(Random random, int id)
    {
        var genuine = Genuine(FormBodies.Marker(id));
        return Json(genuine[..random.Next(genuine.Length)], Answers.Of(400));
    }

    /// <summary>A genuine body with a value nested far beyond 64 levels.</summary>
    public static HostileBody DeepKeys(Random random, int id)
    {
        var depth = (int)FormBodies.LogUniform(random, 70, 1_000_000);
        var text = new StringBuilder("{\"text\":\"").Append(FormBodies.Marker(id)).Append("\",\"x\":");
        text.Append('[', depth).Append(']', depth).Append('}');
        return Json(text.ToString(), Answers.Of(400, 413)) with { Note = $"depth {depth}" };
    }

    public static HostileBody ManyKeys(Random random, int id)
    {
        var count = (int)FormBodies.LogUniform(random, 10_000, 100_000);
        var text = new StringBuilder("{\"text\":\"").Append(FormBodies.Marker(id)).Append('"');
        for (var i = 0; i < count; i++)
        {
            text.Append(",\"k").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":1");
        }

        return Json(text.Append('}').ToString(), Answers.Of(400, 413)) with { Note = $"{count} keys" };
    }

    public static HostileBody InvalidUtf8(Random random, int id)
    {
        byte[][] sequences = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3], [0x80]];
        var marker = FormBodies.Marker(id);
        byte[] bytes = [.. Encoding.ASCII.GetBytes("{\"text\":\"" + marker), .. sequences[random.Next(sequences.Length)], .. "\"}"u8];
        return new HostileBody(bytes, JsonType, Answers.Of(200, 204, 400), marker);
    }

    public static HostileBody HugeValue(Random random, int id)
    {
        var over = random.Next(2) == 0;
        var size = over ? FormBodies.MiB + random.Next(1, 4096) : FormBodies.MiB - random.Next(256, 4096);
        var marker = FormBodies.Marker(id);
        var text = "{\"text\":\"" + marker + new string('x', size - marker.Length - 12) + "\"}";
        return over
            ? Json(text, Answers.Of(413)) with { Note = "over 1 MiB" }
            : Json(text, Answers.Of(200, 204, 400, 413)) with { Marker = marker, Note = "under 1 MiB" };
    }

    /// <summary>The same property twice or ten thousand times.</summary>
    public static HostileBody RepeatedKeys(Random random, int id)
    {
        var marker = FormBodies.Marker(id);
        var times = random.Next(2) == 0 ? 2 : random.Next(10_000, 50_000);
        var text = new StringBuilder("{");
        for (var i = 0; i < times; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("\"text\":\"").Append(marker).Append('r').Append(i.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        return Json(text.Append('}').ToString(), Answers.Of(200, 204, 400, 413)) with { Marker = marker, Note = $"x{times}" };
    }

    /// <summary>A genuine body sent as something else: what a cross-site form post looks like. JSON only is taken.</summary>
    public static HostileBody WrongContentType(Random random, int id)
    {
        string?[] types = ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=zz", null];
        var type = types[random.Next(types.Length)];
        var marker = FormBodies.Marker(id);
        var body = type == "application/x-www-form-urlencoded" ? "text=" + marker : Genuine(marker);
        return new HostileBody(Encoding.UTF8.GetBytes(body), type, Answers.Of(415)) { Note = type ?? "(none)" };
    }

    public static string Genuine(string text) => new JsonObject { ["text"] = text }.ToJsonString();

    private static HostileBody Json(string text, IReadOnlySet<int> allowed) => new(Encoding.UTF8.GetBytes(text), JsonType, allowed);
}
