using System.Globalization;
using System.Text.RegularExpressions;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Collects every broken promise of the run, so one failure report names all of them at once.</summary>
internal sealed partial class HostileVerdict
{
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public void Add(string violation) => _violations.Add(violation);

    /// <summary>Answers and costs: no 5xx but 503 while Redis is down, an expected answer, within the bounds, no exception text.</summary>
    public void CheckOutcomes(IEnumerable<HostileOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            var what = string.Create(CultureInfo.InvariantCulture, $"case {o.Id} {o.Kind} -> {o.Target} ({o.BodyBytes} bytes{(o.Note is null ? "" : ", " + o.Note)})");
            var outage503 = o.DuringOutage && o.Status == 503;
            if (o.Status == Answers.Timeout)
            {
                Add($"{what}: no answer within {HostileClient.Timeout.TotalSeconds} s");
            }
            else if (o.Status >= 500 && !outage503)
            {
                Add($"{what}: answered {o.Status}{(o.Status == 503 ? " while Redis was up" : "")}: {o.AnswerText}");
            }
            else if (!o.Allowed.Contains(o.Status) && !outage503)
            {
                Add($"{what}: answered {Answers.Name(o.Status)}, expected one of {string.Join(", ", o.Allowed.Order().Select(Answers.Name))}: {o.AnswerText}");
            }

            if (!o.DuringOutage && o.Wall > HostileBounds.Wall)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{what}: took {o.Wall.TotalMilliseconds:F0} ms (bound {HostileBounds.Wall.TotalMilliseconds:F0} ms)"));
            }

            if (o.Cpu > HostileBounds.Cpu)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{what}: cost {o.Cpu.TotalMilliseconds:F0} ms of CPU (bound {HostileBounds.Cpu.TotalMilliseconds:F0} ms)"));
            }

            if (o.Allocated > HostileBounds.AllocatedBytes)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{what}: allocated {o.Allocated / 1048576.0:F0} MB (bound {HostileBounds.AllocatedBytes / 1048576} MB)"));
            }

            // An exception's own text ("XyzException: message") or a stack frame; a bare type name as a reason is not flagged.
            if (o.AnswerText.Contains("Exception:", StringComparison.Ordinal) || o.AnswerText.Contains("   at ", StringComparison.Ordinal))
            {
                Add($"{what}: the answer carries exception text: {o.AnswerText}");
            }
        }
    }

    /// <summary>No answer shows a secret or where Redis is (the hostile bodies may quote tokens back; answers must not).</summary>
    public void CheckLeaks(IEnumerable<HostileOutcome> outcomes, IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var o in outcomes)
        {
            foreach (var (name, secret) in secrets.Where(s => o.AnswerText.Contains(s.Value, StringComparison.Ordinal)))
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"case {o.Id} {o.Kind} -> {o.Target}: the answer ({Answers.Name(o.Status)}) shows {name}"));
            }
        }
    }

    /// <summary>
    /// Nothing invalid reached a handler, and every valid message did exactly once. A handled text must be a valid
    /// message, or the marker of a hostile body that was still a well-formed event and was accepted.
    /// </summary>
    public void CheckHandled(string host, HandledEvents handled, IReadOnlyList<HostileOutcome> outcomes, IEnumerable<ValidEvent> valid)
    {
        var accepted = outcomes.Where(o => o.Marker is not null && o.Status is 200 or 204).ToDictionary(o => o.Id);
        var mine = valid.Where(v => v.Where == handled).ToList();
        var validTexts = mine.Select(v => v.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var e in handled.All)
        {
            if (e.Text is null)
            {
                if (e.Type != BotJoinedChat.WireType)
                {
                    Add($"{host}: a {e.Type} reached the handler; no valid traffic sends one");
                }
            }
            else if (!validTexts.Contains(e.Text) && !Attributable(e.Text, accepted))
            {
                Add($"{host}: a {e.Type} reached the handler that no valid message and no accepted well-formed body carries: \"{Shorten(e.Text)}\"");
            }
        }

        foreach (var v in mine)
        {
            var count = handled.CountText(v.Text);
            if (v.MustBeHandled && count != 1)
            {
                Add($"{host}: valid message {v.Text} ({v.How}, answered {(v.Status is { } s ? Answers.Name(s) : "by the emulator")}) was handled {count} times, not once");
            }
            else if (!v.MustBeHandled && count != 0)
            {
                Add($"{host}: valid message {v.Text} ({v.How}) was answered {Answers.Name(v.Status ?? 0)}, so Bitrix24 counts it lost, yet it was handled {count} times");
            }
        }
    }

    private static bool Attributable(string text, Dictionary<int, HostileOutcome> accepted)
    {
        var match = MarkerPattern().Match(text);
        if (match.Success)
        {
            return accepted.ContainsKey(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        // A truncated auth-first body may cut its own text short, even inside the marker.
        return accepted.Values.Any(o => o.Note == "auth first" && (o.Marker + "-truncated-text").StartsWith(text, StringComparison.Ordinal));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^H([0-9]{6})")]
    private static partial Regex MarkerPattern();
}
