using System.Globalization;
using System.Text;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>
/// A scrape read back into families and samples, so tests compare names, types and label sets rather than the
/// exporter's line order, label order or timestamps (which Prometheus does not care about either).
/// </summary>
internal sealed class PrometheusScrape
{
    private PrometheusScrape(string text, string? contentType, IReadOnlyDictionary<string, string> types, IReadOnlyList<PrometheusSample> samples)
    {
        Text = text;
        ContentType = contentType;
        Types = types;
        Samples = samples;
    }

    public string Text { get; }

    public string? ContentType { get; }

    /// <summary>Family name → its # TYPE.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public static PrometheusScrape Parse(string text, string? contentType)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
            }
            else if (!line.StartsWith('#'))
            {
                samples.Add(Sample(line));
            }
        }

        return new PrometheusScrape(text, contentType, types, samples);
    }

    /// <summary>The one sample of that name whose labels are exactly these; fails when there is none or more.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var wanted = labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var found = Samples.Where(s => s.Name == name && s.Labels.Count == wanted.Count && wanted.All(w => s.Labels.TryGetValue(w.Key, out var v) && v == w.Value)).ToList();
        Assert.True(found.Count == 1, $"expected one sample {name}{{{string.Join(',', labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}, found {found.Count} in:\n{Text}");
        return found[0].Value;
    }

    public IEnumerable<PrometheusSample> Named(string name) => Samples.Where(s => s.Name == name);

    private static PrometheusSample Sample(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        int rest;
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            rest = ReadLabels(line, brace + 1, labels);
        }
        else
        {
            name = line[..space];
            rest = space;
        }

        // "value" or "value timestamp".
        var value = line[rest..].Trim().Split(' ')[0];
        return new PrometheusSample(name, labels, value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Reads key="value" pairs (values escaped with \\, \" and \n) up to the closing brace; returns the index after it.</summary>
    private static int ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            var key = line[at..equals];
            var value = new StringBuilder();
            var i = equals + 2;
            for (; line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[key] = value.ToString();
            at = line[i + 1] == ',' ? i + 2 : i + 1;
        }

        return at + 1;
    }
}
