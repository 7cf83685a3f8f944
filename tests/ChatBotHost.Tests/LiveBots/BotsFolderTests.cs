using ChatBotHost.LiveBots;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.LiveBots;

/// <summary>How the bots folder maps to compilation units, and where it is when no setting names it.</summary>
public sealed class BotsFolderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("chatbothost-units-");

    [Fact]
    public void Scan_ProjectFolderOfBotFolders_EachBotFolderIsAUnit_TopLevelFilesTooAndBuildOutputIgnored()
    {
        Write("top.cs", "Lib.dll", "Proj/Proj.csproj", "Proj/A/a.cs", "Proj/B/b1.cs", "Proj/B/Sub/b2.cs",
            "Proj/bin/Release/x.cs", "Proj/obj/g.cs", "Proj/B/obj/gen.cs", ".git/h.cs", "Proj/A/.a.cs.swp.cs", "notes.md");

        var units = new BotsFolder(_root.FullName).Scan();

        Assert.Equal(["Lib.dll", "top.cs", "Proj/A", "Proj/B"], units.Select(u => u.Name));
        Assert.True(units[0].Prebuilt);
        Assert.False(units[1].Prebuilt);
        Assert.Equal(["a.cs"], units[2].Files.Select(Path.GetFileName));
        Assert.Equal(["b1.cs", "b2.cs"], units[3].Files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_Version_ChangesWithAFilesContentOnly()
    {
        Write("Bot/a.cs", "Bot/b.cs", "Other.cs");
        var folder = new BotsFolder(_root.FullName);
        var before = folder.Scan();

        File.WriteAllText(Path.Combine(_root.FullName, "Bot", "b.cs"), "// edited");
        var after = folder.Scan();

        Assert.NotEqual(before.Single(u => u.Name == "Bot").Version, after.Single(u => u.Name == "Bot").Version);
        Assert.Equal(before.Single(u => u.Name == "Other.cs").Version, after.Single(u => u.Name == "Other.cs").Version);
    }

    [Fact]
    public void Scan_TheRepositorysSamples_AreOneUnitPerBotFolder()
    {
        var repositoryBots = BotsFolder.Resolve(null, AppContext.BaseDirectory);

        var names = repositoryBots.Scan().Select(u => u.Name).ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "ChatBotHost.Bots/Counter", "ChatBotHost.Bots/Digest", "ChatBotHost.Bots/Echo", "ChatBotHost.Bots/Helpdesk", "ChatBotHost.Bots/Reminder" });
    }

    [Fact]
    public void Resolve_ConfiguredFolderMissing_RefusesToStartNamingTheSetting()
    {
        var missing = Path.Combine(_root.FullName, "nope");

        var error = Assert.Throws<OptionsValidationException>(() => BotsFolder.Resolve(missing, _root.FullName));

        Assert.Contains("ChatBotHost:BotsPath", error.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Unset_FindsTheNearestBotsFolderAboveTheContentRoot()
    {
        Write("bots/Echo.cs", "app/content/x.txt");

        var folder = BotsFolder.Resolve(null, Path.Combine(_root.FullName, "app", "content"));

        Assert.Equal(Path.Combine(_root.FullName, "bots"), folder.Path);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"// {file}");
        }
    }
}
