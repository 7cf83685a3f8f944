using ChatBotHost.LiveBots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.LiveBots;

/// <summary>Loading units: the last good version keeps serving a broken edit, and a replaced version is unloaded.</summary>
public sealed class LiveBotUnitsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("chatbothost-load-");

    [Fact]
    public void Load_BrokenEdit_KeepsTheLastGoodVersionAndReportsFileLineAndColumn()
    {
        var units = NewUnits();
        Write("v1");
        var (loaded, _, first) = units.Load(Scan());
        Assert.True(loaded);

        File.WriteAllText(Path.Combine(_root.FullName, "Hello.cs"), Source("v2").Replace("IBot", "IBoot", StringComparison.Ordinal));
        var (reloaded, replaced, current) = units.Load(Scan());

        Assert.False(reloaded);
        Assert.Null(replaced);
        Assert.Same(first, current);
        var failure = Assert.Single(units.Failures);
        Assert.Equal(["hello"], failure.Bots);
        var error = failure.Errors[0];
        Assert.Equal(("Hello.cs", 4), (error.File, error.Line));
        Assert.True(error.Column > 1);
        Assert.Contains("IBoot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NewVersion_TheReplacedContextIsCollectedOnceUnloaded()
    {
        var units = NewUnits();
        Write("v1");
        var old = LoadAndForget(units);
        Write("v2");
        var (loaded, replaced, _) = units.Load(Scan());
        Assert.True(loaded);
        replaced!.Context.Unload();
        replaced = null;

        // Collectible: nothing the host keeps (catalog, versions, the type caches of dependency injection) holds it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (old.IsAlive && DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Yield();
        }

        Assert.False(old.IsAlive);
    }

    [Fact]
    public void Load_PrebuiltDll_LoadsItsBotsAsTheyAre()
    {
        Write("prebuilt");
        var (image, errors) = new BotCompiler(cacheFolder: null).Compile(Scan(), _root.FullName);
        Assert.Empty(errors);
        File.Delete(Path.Combine(_root.FullName, "Hello.cs"));
        File.WriteAllBytes(Path.Combine(_root.FullName, "Hello.dll"), image!);

        var unit = Scan();
        var (loaded, _, current) = NewUnits().Load(unit);

        Assert.True(unit.Prebuilt);
        Assert.True(loaded);
        Assert.Equal("hello", Assert.Single(current!.Definitions).Code);
    }

    [Fact]
    public void Load_InvalidCronExpression_DoesNotLoadAndSaysWhichJob()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "Hello.cs"), Source("v1").Replace(
            ".Profile(\"hello\", \"Hello\")", ".Profile(\"hello\", \"Hello\").Every(\"daily\", \"every day\", (timer, turn, ct) => Task.CompletedTask)", StringComparison.Ordinal));

        var units = NewUnits();
        var (loaded, _, _) = units.Load(Scan());

        Assert.False(loaded);
        Assert.Contains("job 'daily' with an invalid Quartz cron expression 'every day'", Assert.Single(Assert.Single(units.Failures).Errors).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    // Not inlined, so no local of the test method keeps the first version alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference LoadAndForget(LiveBotUnits units) => new(units.Load(Scan()).Current!.Context);

    private LiveBotUnits NewUnits() =>
        new(new BotsFolder(_root.FullName), new BotCompiler(cacheFolder: null), new BotVersions(), new ServiceCollection().BuildServiceProvider(), NullLogger<LiveBotUnits>.Instance);

    private BotUnit Scan() => new BotsFolder(_root.FullName).Scan().Single();

    private void Write(string version) => File.WriteAllText(Path.Combine(_root.FullName, "Hello.cs"), Source(version));

    private static string Source(string version) => $$"""
        using ChatBotHost.Abstractions.Declaration;
        using ChatBotHost.Abstractions.Turns;

        public sealed class HelloBot : IBot
        {
            public void Configure(BotBuilder bot) => bot
                .Profile("hello", "Hello")
                .OnMessage((message, turn, ct) => turn.ReplyAsync("{{version}}", ct));
        }
        """;
}
