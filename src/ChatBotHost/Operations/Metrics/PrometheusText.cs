using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// Writes metric families in the Prometheus text format: names snake_case with a chatbothost_ prefix and a _seconds
/// suffix for time, counters as _total, histograms as cumulative _bucket{le} lines with _sum and _count.
/// </summary>
internal static partial class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string Prefix = "chatbothost_";

    public static string Write(IEnumerable<MetricFamily> families, IReadOnlyList<double> bounds)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var name = NameOf(family.Instrument.Name, family.Instrument.Unit, family.Kind);
            var type = family.Kind switch
            {
                MetricKind.Counter or MetricKind.ObservedCounter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            };
            if (!string.IsNullOrEmpty(family.Instrument.Description))
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Instrument.Description)).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var series in family.Series)
            {
                var (value, count, buckets) = series.Read();
                if (family.Kind != MetricKind.Histogram)
                {
                    Sample(text, name, series.Labels, null, value);
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i < bounds.Count; i++)
                {
                    cumulative += buckets[i];
                    Sample(text, name + "_bucket", series.Labels, Number(bounds[i]), cumulative);
                }

                Sample(text, name + "_bucket", series.Labels, "+Inf", count);
                Sample(text, name + "_sum", series.Labels, null, value);
                Sample(text, name + "_count", series.Labels, null, count);
            }
        }

        return text.ToString();
    }

    /// <summary>"turn.duration" in seconds becomes chatbothost_turn_duration_seconds; a counter gets _total.</summary>
    public static string NameOf(string instrument, string? unit, MetricKind kind)
    {
        var name = Invalid().Replace(instrument.ToLowerInvariant(), "_");
        name = name.StartsWith(Prefix, StringComparison.Ordinal) ? name : Prefix + name;
        if (unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        return kind is MetricKind.Counter or MetricKind.ObservedCounter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>A label value with backslash, double quote and line feed escaped as the format demands.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                text.Append(first ? "" : ",").Append(Invalid().Replace(key, "_")).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex Invalid();
}
