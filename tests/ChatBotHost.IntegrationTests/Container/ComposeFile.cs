using System.Text.RegularExpressions;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// docker/compose.yaml as far as the tests need it: the <c>environment:</c> mapping of one service, with its
/// <c>${VAR}</c> references filled in the way compose fills them from the user's shell. A small reading of the one
/// block rather than a YAML library: the file is ours and keeps to plain <c>KEY: value</c> lines.
/// </summary>
internal static partial class ComposeFile
{
    public const string Path = "docker/compose.yaml";

    /// <summary>The service's environment as written (references not yet filled).</summary>
    public static IReadOnlyDictionary<string, string> Environment(string yaml, string service)
    {
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var serviceLine = IndexOf(lines, 0, l => Indent(l) == 2 && l.Trim() == service + ":", $"service '{service}'");
        var serviceEnd = BlockEnd(lines, serviceLine, 2);
        var environmentLine = IndexOf(lines, serviceLine, l => Indent(l) == 4 && l.Trim() == "environment:", $"{service}.environment");
        if (environmentLine >= serviceEnd)
        {
            throw new FormatException($"{Path}: service '{service}' has no environment: block.");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines[(environmentLine + 1)..BlockEnd(lines, environmentLine, 4)].Where(IsContent))
        {
            var entry = line.Trim();
            var (key, value) = entry.StartsWith("- ", StringComparison.Ordinal)
                ? Split(entry[2..], '=')
                : Split(entry, ':');
            result[key] = Unquote(value);
        }

        return result;
    }

    /// <summary>Fills <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:?message}</c> and <c>${NAME?message}</c> as compose does.</summary>
    public static string Substitute(string value, IReadOnlyDictionary<string, string> shell) =>
        Reference().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            var op = match.Groups["op"].Value;
            var argument = match.Groups["arg"].Value;
            var set = shell.TryGetValue(name, out var found);
            var usable = op.StartsWith(':') ? !string.IsNullOrEmpty(found) : set;
            return op switch
            {
                "" => found ?? "",
                ":-" or "-" => usable ? found! : argument,
                ":?" or "?" => usable ? found! : throw new InvalidOperationException($"compose refuses to start: {name}: {argument}"),
                _ => throw new FormatException($"{Path}: unsupported reference {match.Value}"),
            };
        });

    private static int IndexOf(string[] lines, int from, Func<string, bool> predicate, string what)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (IsContent(lines[i]) && predicate(lines[i]))
            {
                return i;
            }
        }

        throw new FormatException($"{Path}: no {what}.");
    }

    /// <summary>The first line after <paramref name="start"/> indented no deeper than the block's own line.</summary>
    private static int BlockEnd(string[] lines, int start, int indent)
    {
        var end = start + 1;
        while (end < lines.Length && (!IsContent(lines[end]) || Indent(lines[end]) > indent))
        {
            end++;
        }

        return end;
    }

    private static bool IsContent(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static (string Key, string Value) Split(string entry, char separator)
    {
        var at = entry.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (entry, "") : (entry[..at].Trim(), entry[(at + 1)..].Trim());
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-?])?(?<arg>[^}]*)\}")]
    private static partial Regex Reference();
}
