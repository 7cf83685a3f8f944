using System.Globalization;
using System.Text;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Form-encoded hostile bodies for the webhook, install and uninstall endpoints, each made from a genuine body.
/// What a body may get back is decided here for webhook URLs with the right secret (where a body that is still a
/// well-formed event may be taken); install and uninstall must refuse every one (see <see cref="HostileCases"/>).
/// </summary>
internal sealed class FormBodies(GenuineForms genuine)
{
    public const string FormType = "application/x-www-form-urlencoded";
    public const int MiB = 1024 * 1024;

    /// <summary>A strict prefix of a genuine body. As PHP writes them the token comes last, so only an auth-first body can stay acceptable.</summary>
    public HostileBody Truncated(HostileTarget target, Random random, int id)
    {
        var marker = Marker(id);
        if (target.Family == TargetFamily.Uninstall)
        {
            // The real application_token: a prefix never holds all of it, so this must never uninstall anything.
            var real = genuine.Uninstall(target.RealUninstallToken ?? throw new InvalidOperationException($"{target.Name} has no real application_token to truncate."));
            return Form(real[..random.Next(real.Length)], Answers.Of(400, 403));
        }

        if (target.Bot is { } bot && random.Next(10) < 3)
        {
            var authFirst = GenuineForms.EventAuthFirst(bot, marker + "-truncated-text", id);
            return Form(authFirst[..random.Next(authFirst.Length)], Answers.Of(200, 400, 403)) with { Marker = marker, Note = "auth first" };
        }

        var body = genuine.For(target, random, marker, id);
        return Form(body[..random.Next(body.Length)], Answers.Of(400, 403));
    }

    /// <summary>A key nested far beyond PHP's 64 levels, up to 2 million levels (6 MB), after, before or instead of a genuine body.</summary>
    public HostileBody DeepKeys(HostileTarget target, Random random, int id)
    {
        var depth = (int)LogUniform(random, 70, 2_000_000);
        var encoded = depth <= 600_000 && random.Next(2) == 0;
        var level = encoded ? "%5Ba%5D" : "[a]";
        var key = new StringBuilder(depth * level.Length + 32).Append(random.Next(2) == 0 ? "x" : encoded ? "data%5Bextra%5D" : "data[extra]");
        for (var i = 0; i < depth; i++)
        {
            key.Append(level);
        }

        var pair = key.Append("=1").ToString();
        var body = genuine.For(target, random, Marker(id), id);
        var text = random.Next(3) switch { 0 => pair, 1 => pair + "&" + body, _ => body + "&" + pair };
        return Form(text, Answers.Of(400, 413)) with { Note = $"depth {depth}" };
    }

    /// <summary>10^4 to 10^5 distinct keys next to a genuine body: far beyond any real event (they have about a hundred).</summary>
    public HostileBody ManyKeys(HostileTarget target, Random random, int id)
    {
        var count = (int)LogUniform(random, 10_000, 100_000);
        var prefix = random.Next(3) switch { 0 => "k", 1 => "data%5Bk", _ => "data%5Bmessage%5D%5Bk" };
        var suffix = prefix == "k" ? "" : "%5D";
        var text = new StringBuilder(genuine.For(target, random, Marker(id), id));
        for (var i = 0; i < count; i++)
        {
            text.Append('&').Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture)).Append(suffix).Append("=1");
        }

        return Form(text.ToString(), Answers.Of(400, 413)) with { Note = $"{count} keys" };
    }

    /// <summary>Bytes that are not UTF-8 (stray continuation bytes, overlong forms, surrogates, 5-byte forms), raw or percent-encoded, in a value or a key.</summary>
    public HostileBody InvalidUtf8(HostileTarget target, Random random, int id)
    {
        byte[][] sequences = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82], [0x80], [0xFE, 0xFF]];
        var bad = sequences[random.Next(sequences.Length)];
        var raw = random.Next(2) == 0;
        var inKey = random.Next(4) == 0;
        const string Hole = "ZZHOLEZZ";
        var marker = Marker(id);
        var body = genuine.For(target, random, marker + Hole, id);
        if (inKey || !body.Contains(Hole, StringComparison.Ordinal))
        {
            // Install and uninstall bodies carry no text: their bad bytes go into a key.
            body = body.Replace(Hole, "", StringComparison.Ordinal) + "&data%5Bmessage%5D%5Bx" + Hole + "%5D=1";
            inKey = true;
        }

        var at = body.IndexOf(Hole, StringComparison.Ordinal);
        var inserted = raw ? bad : Encoding.ASCII.GetBytes(string.Concat(bad.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))));
        byte[] bytes = [.. Encoding.ASCII.GetBytes(body[..at]), .. inserted, .. Encoding.ASCII.GetBytes(body[(at + Hole.Length)..])];
        return new HostileBody(bytes, FormType, Answers.Of(200, 400), target.Bot is null ? null : marker)
        {
            Note = (raw ? "raw " : "escaped ") + (inKey ? "in a key" : "in the text"),
        };
    }

    /// <summary>A genuine body padded with one value to just under or just over 1 MiB.</summary>
    public HostileBody HugeValue(HostileTarget target, Random random, int id)
    {
        var over = random.Next(2) == 0;
        var size = over ? MiB + random.Next(1, 4096) : MiB - random.Next(256, 4096);
        var body = genuine.For(target, random, Marker(id), id) + "&data%5Bpad%5D=";
        var text = body + new string('x', Math.Max(0, size - body.Length));
        return over
            ? Form(text, Answers.Of(413)) with { Note = "over 1 MiB" }
            : Form(text, Answers.Of(200, 400, 413)) with { Marker = target.Bot is null ? null : Marker(id), Note = "under 1 MiB" };
    }

    /// <summary>Keys given more than once: the text many times (the last wins, as in PHP), a second application_token, or one pair 10^4+ times.</summary>
    public HostileBody RepeatedKeys(HostileTarget target, Random random, int id)
    {
        var marker = Marker(id);
        var body = genuine.For(target, random, marker, id);
        var variant = random.Next(4);
        var text = new StringBuilder(body);
        switch (variant)
        {
            case 0:
                var times = random.Next(2, 300);
                for (var i = 1; i <= times; i++)
                {
                    text.Append("&data%5Bmessage%5D%5Btext%5D=").Append(marker).Append('r').Append(i.ToString(CultureInfo.InvariantCulture));
                }

                return Form(text.ToString(), Answers.Of(200, 400)) with { Marker = MarkerIfEvent(target, marker), Note = $"text x{times}" };
            case 1:
                // A forged token first, the genuine one last: PHP keeps the last, so this is still the bot's event.
                return Form("auth%5Bapplication_token%5D=forged&" + body, Answers.Of(200, 400, 403)) with { Marker = MarkerIfEvent(target, marker), Note = "forged token, then the real one" };
            case 2:
                return Form(body + "&auth%5Bapplication_token%5D=forged", Answers.Of(400, 403)) with { Note = "real token, then a forged one" };
            default:
                var count = random.Next(10_000, 50_000);
                for (var i = 0; i < count; i++)
                {
                    text.Append("&data%5Bmessage%5D%5Btext%5D=").Append(marker);
                }

                return Form(text.ToString(), Answers.Of(200, 400, 413)) with { Marker = MarkerIfEvent(target, marker), Note = $"one pair x{count}" };
        }
    }

    /// <summary>A genuine body under a content type that is not a form, a form with a charset it is not in, or none.</summary>
    public HostileBody WrongContentType(HostileTarget target, Random random, int id)
    {
        string?[] types = ["text/plain", "application/json", "multipart/form-data; boundary=zz", null, "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=ISO-8859-1", "a/b/c;;;=", "application/xml"];
        var type = types[random.Next(types.Length)];
        var marker = Marker(id);
        var body = Encoding.UTF8.GetBytes(genuine.For(target, random, marker, id));
        return new HostileBody(body, type, Answers.Of(200, 400, 415), MarkerIfEvent(target, marker)) { Note = type ?? "(none)" };
    }

    public static string Marker(int id) => "H" + id.ToString("D6", CultureInfo.InvariantCulture);

    public static double LogUniform(Random random, double min, double max) => Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)));

    private static string? MarkerIfEvent(HostileTarget target, string marker) => target.Bot is null ? null : marker;

    private static HostileBody Form(string text, IReadOnlySet<int> allowed) => new(Encoding.UTF8.GetBytes(text), FormType, allowed);
}
