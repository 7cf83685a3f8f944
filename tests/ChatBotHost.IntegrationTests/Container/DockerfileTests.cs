using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>The image builds from what the repository has: every path the Dockerfile copies exists and is sent to the builder.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Copy_EverySourceFromTheContext_ExistsInTheRepository()
    {
        var sources = DockerfileText.Load().CopiedFromContext().ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(
            File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)),
            $"{DockerfileText.Path} copies {source}, which the repository does not have."));
    }

    [Fact]
    public void Copy_NoSourceIsExcludedByDockerIgnore()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(ToRegex)
            .ToList();

        Assert.All(DockerfileText.Load().CopiedFromContext(), source => Assert.DoesNotContain(
            ignored, pattern => pattern.IsMatch(source.TrimEnd('/'))));
    }

    [Fact]
    public void Restore_CopiesEveryProjectTheHostReferences()
    {
        // Restore runs before the sources are copied, so a project file missing there fails the image's build.
        var copied = DockerfileText.Load().CopiedBeforeRestore().Select(s => s.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);

        Assert.All(ProjectsOf("src/ChatBotHost/ChatBotHost.csproj"), project => Assert.Contains(project, copied));
    }

    /// <summary>The project and every project it references, transitively, relative to the repository root.</summary>
    private static HashSet<string> ProjectsOf(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(RepositoryFiles.PathOf(current))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return seen;
    }

    /// <summary>A .dockerignore line as a regex over a context-relative path (and everything below it).</summary>
    private static Regex ToRegex(string pattern)
    {
        var body = Regex.Escape(pattern.TrimEnd('/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{body}(/.*)?$", RegexOptions.CultureInvariant);
    }
}
