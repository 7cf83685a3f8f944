namespace ChatBotHost.IntegrationTests.Container;

/// <summary>The repository the tests were built from, found upwards from the test output by its solution file.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatBotHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ChatBotHost.sln above {AppContext.BaseDirectory}.");
    }
}
