using System.Globalization;
using System.Text;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Prints what the suite tried and what came back: by kind, by endpoint, the outage, the slow senders, memory.</summary>
internal static class ResultTable
{
    public static string Format(HostileRun run)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Hostile-input suite: seed {run.Seed}, {run.Outcomes.Count} hostile requests, {run.Valid.Count} valid messages, {run.Elapsed.TotalSeconds:F1} s"));
        text.AppendLine(Invariant($"(make it again: HOSTILE_SEED={run.Seed} HOSTILE_CASES={run.Planned})"));
        text.AppendLine();
        Section(text, "kind", run.Outcomes.GroupBy(o => o.Kind));
        text.AppendLine();
        Section(text, "endpoint", run.Outcomes.GroupBy(o => o.Target));
        text.AppendLine();
        var outage = run.Outcomes.Where(o => o.DuringOutage).ToList();
        var direct = string.Join(" ", run.Valid.Where(v => v.How == "direct post").GroupBy(v => v.Status ?? 0).OrderBy(g => g.Key).Select(g => Invariant($"{Answers.Name(g.Key)}x{g.Count()}")));
        text.AppendLine(Invariant($"Redis down for {run.OutageLength.TotalSeconds:F1} s: {outage.Count} hostile requests, answers {Answers_(outage)}; direct valid posts answered {direct}"));
        foreach (var slow in run.Slow)
        {
            text.AppendLine(slow.ToString());
        }

        text.AppendLine(Invariant($"valid messages: {run.Valid.Count} sent, {run.Valid.Count(v => v.MustBeHandled)} accepted and due, {run.Valid.Count(v => v.MustBeHandled && v.Where.CountText(v.Text) == 1)} handled exactly once"));
        text.AppendLine(Invariant($"memory: working set {Mb(run.WorkingSetBefore)} -> {Mb(run.WorkingSetAfter)} MB (peak seen {Mb(run.WorkingSetPeak)} MB), managed heap after the run {Mb(run.HeapAfter)} MB, allocated during the hostile requests {Mb(run.Outcomes.Sum(o => o.Allocated))} MB"));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string by, IEnumerable<IGrouping<string, HostileOutcome>> groups)
    {
        text.AppendLine(Invariant($"{by,-18} {"sent",5} {"largest",9} {"worst wall",11} {"worst CPU",10} {"worst alloc",12}  answers"));
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = group.ToList();
            text.AppendLine(Invariant($"{group.Key,-18} {list.Count,5} {Size(list.Max(o => o.BodyBytes)),9} {list.Max(o => o.Wall).TotalMilliseconds,8:F0} ms {list.Max(o => o.Cpu).TotalMilliseconds,7:F0} ms {Mb(list.Max(o => o.Allocated)),9} MB  {Answers_(list)}"));
        }

        var all = groups.SelectMany(g => g).ToList();
        text.AppendLine(Invariant($"{"all",-18} {all.Count,5} {Size(all.Max(o => o.BodyBytes)),9} {all.Max(o => o.Wall).TotalMilliseconds,8:F0} ms {all.Max(o => o.Cpu).TotalMilliseconds,7:F0} ms {Mb(all.Max(o => o.Allocated)),9} MB  {Answers_(all)}"));
    }

    private static string Answers_(IEnumerable<HostileOutcome> outcomes) =>
        string.Join(" ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => Invariant($"{Answers.Name(g.Key)}x{g.Count()}")));

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => Invariant($"{bytes / 1048576.0:F1} MB"),
        >= 1024 => Invariant($"{bytes / 1024.0:F0} KB"),
        _ => Invariant($"{bytes} B"),
    };

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
