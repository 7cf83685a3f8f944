namespace ChatBotHost.Operations.Cli;

/// <summary>A plain text table: a header row, a dashed rule, and columns padded to their widest cell.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public TextTable Add(params string?[] cells)
    {
        _rows.Add([.. cells.Select(c => c ?? "-")]);
        return this;
    }

    public async Task WriteAsync(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r.ElementAtOrDefault(i)?.Length ?? 0).Append(h.Length).Max()).ToArray();
        await output.WriteLineAsync(Line(headers, widths));
        await output.WriteLineAsync(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            await output.WriteLineAsync(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", widths.Select((w, i) => (cells.ElementAtOrDefault(i) ?? "").PadRight(w))).TrimEnd();
}
