using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.LiveBots;

/// <summary>
/// The configured bots folder and the units in it. A top-level .cs or .dll file is a unit of its own; a folder that
/// holds .cs files directly is one unit with every .cs file below it; a folder without any (such as the samples'
/// project folder bots/ChatBotHost.Bots) is looked into for more. bin/, obj/ and dot-folders are skipped, so a
/// project built in place does not add its generated sources or its own build of the same bots.
/// </summary>
internal sealed class BotsFolder(string path)
{
    private static readonly HashSet<string> Skipped = new(["bin", "obj"], StringComparer.OrdinalIgnoreCase);

    public string Path { get; } = path;

    /// <summary>
    /// ChatBotHost:BotsPath, or else the nearest folder named bots at or above the content root: /app/bots in the
    /// image, the repository's bots/ under `dotnet run --project src/ChatBotHost`.
    /// </summary>
    public static BotsFolder Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = System.IO.Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(full)
                ? new BotsFolder(full)
                : throw Invalid($"{ChatBotHostOptions.SectionName}:BotsPath names '{full}', which is not a folder (the bots' sources go there; in the image it is /app/bots).");
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "bots");
            if (Directory.Exists(candidate))
            {
                return new BotsFolder(candidate);
            }
        }

        throw Invalid($"{ChatBotHostOptions.SectionName}:BotsPath is not set and no folder named bots was found at or above {contentRoot}; set it to the folder holding the bots' sources.");
    }

    public IReadOnlyList<BotUnit> Scan()
    {
        var units = new List<BotUnit>();
        var root = new DirectoryInfo(Path);
        foreach (var file in root.EnumerateFiles().Where(f => IsSource(f) || IsAssembly(f)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            units.Add(Unit(file.Name, IsAssembly(file), [file.FullName]));
        }

        AddFolders(root, units);
        return units;
    }

    private void AddFolders(DirectoryInfo parent, List<BotUnit> units)
    {
        foreach (var dir in parent.EnumerateDirectories().Where(d => !Skipped.Contains(d.Name) && !d.Name.StartsWith('.')).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (dir.EnumerateFiles("*.cs").Any(IsSource))
            {
                units.Add(Unit(Relative(dir.FullName), false, [.. SourcesBelow(dir).Order(StringComparer.Ordinal)]));
            }
            else
            {
                AddFolders(dir, units);
            }
        }
    }

    private static IEnumerable<string> SourcesBelow(DirectoryInfo dir) =>
        dir.EnumerateFiles("*.cs").Where(IsSource).Select(f => f.FullName).Concat(dir.EnumerateDirectories()
            .Where(d => !Skipped.Contains(d.Name) && !d.Name.StartsWith('.'))
            .SelectMany(SourcesBelow));

    // Editors save through hidden temporary files (.x.cs.swp, ~x.cs): only real sources count.
    private static bool IsSource(FileInfo file) =>
        file.Extension.Equals(".cs", StringComparison.OrdinalIgnoreCase) && !file.Name.StartsWith('.') && !file.Name.StartsWith('~');

    private static bool IsAssembly(FileInfo file) => file.Extension.Equals(".dll", StringComparison.OrdinalIgnoreCase);

    private BotUnit Unit(string name, bool prebuilt, IReadOnlyList<string> files) =>
        new(name.Replace('\\', '/'), prebuilt, files, VersionOf(files));

    private string Relative(string full) => System.IO.Path.GetRelativePath(Path, full);

    /// <summary>A hash of the unit's file names (relative) and contents; an unreadable file (being written) counts as changed.</summary>
    private string VersionOf(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Relative(file).Replace('\\', '/') + "\n"));
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                hash.AppendData(Guid.NewGuid().ToByteArray());
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static OptionsValidationException Invalid(string message) =>
        new(ChatBotHostOptions.SectionName, typeof(ChatBotHostOptions), [message]);
}
