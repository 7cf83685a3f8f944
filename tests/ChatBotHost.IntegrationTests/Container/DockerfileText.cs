using System.Text.Json;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// docker/Dockerfile as far as the tests need it: its instructions with continuation lines joined, the COPY sources
/// taken from the build context, and the final stage's ENV, HEALTHCHECK and ENTRYPOINT.
/// </summary>
internal sealed class DockerfileText
{
    public const string Path = "docker/Dockerfile";

    private readonly IReadOnlyList<(string Keyword, string Arguments)> _instructions;

    private DockerfileText(IReadOnlyList<(string Keyword, string Arguments)> instructions) => _instructions = instructions;

    public static DockerfileText Load() => Parse(RepositoryFiles.Read(Path));

    public static DockerfileText Parse(string text)
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (current.Length == 0 && (raw.TrimStart().StartsWith('#') || raw.Trim().Length == 0))
            {
                continue;
            }

            current += raw.TrimEnd().TrimEnd('\\') + " ";
            if (!raw.TrimEnd().EndsWith('\\'))
            {
                var line = current.Trim();
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((line[..space].ToUpperInvariant(), line[(space + 1)..].Trim()));
                current = "";
            }
        }

        return new DockerfileText(instructions);
    }

    /// <summary>The sources of every COPY from the build context (the repository root), as written.</summary>
    public IEnumerable<string> CopiedFromContext() =>
        _instructions.Where(i => i.Keyword == "COPY")
            .Select(i => Words(i.Arguments))
            .Where(words => !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(words => words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    /// <summary>The sources of the COPY instructions before the first RUN that restores, i.e. what restore sees.</summary>
    public IEnumerable<string> CopiedBeforeRestore()
    {
        var restore = _instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        return new DockerfileText(_instructions.Take(restore < 0 ? 0 : restore).ToList()).CopiedFromContext();
    }

    /// <summary>The ENV of the final stage, the environment every container of the image starts with.</summary>
    public IReadOnlyDictionary<string, string> RuntimeEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, arguments) in FinalStage().Where(i => i.Keyword == "ENV"))
        {
            var words = Words(arguments);
            if (words.Count > 0 && !words[0].Contains('=', StringComparison.Ordinal))
            {
                result[words[0]] = string.Join(' ', words.Skip(1)); // the old "ENV KEY value" form
                continue;
            }

            foreach (var word in words)
            {
                var at = word.IndexOf('=', StringComparison.Ordinal);
                result[word[..at]] = word[(at + 1)..];
            }
        }

        return result;
    }

    /// <summary>The HEALTHCHECK's command in exec form.</summary>
    public IReadOnlyList<string> HealthCheckCommand()
    {
        var arguments = FinalStage().Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var cmd = arguments.IndexOf("CMD ", StringComparison.Ordinal);
        return ExecForm(arguments[(cmd + 4)..]);
    }

    /// <summary>The ENTRYPOINT in exec form.</summary>
    public IReadOnlyList<string> EntryPoint() => ExecForm(FinalStage().Single(i => i.Keyword == "ENTRYPOINT").Arguments);

    private IEnumerable<(string Keyword, string Arguments)> FinalStage() =>
        _instructions.Skip(_instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"));

    /// <summary>An exec-form command (a JSON array); a shell-form one is split into words as /bin/sh would for plain words.</summary>
    private static List<string> ExecForm(string command) =>
        command.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<List<string>>(command.Trim()) ?? throw new FormatException($"{Path}: not a command: {command}")
            : Words(command);

    /// <summary>Splits on whitespace, keeping double-quoted words together (quotes removed).</summary>
    private static List<string> Words(string arguments)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
