using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Tests.Hosting;

public sealed class BotCatalogTests
{
    [Fact]
    public void Constructor_DistinctCodes_FindsEachIgnoringCase()
    {
        var catalog = new BotCatalog([Definition("echo"), Definition("counter_2")]);

        Assert.Equal(2, catalog.Definitions.Count);
        Assert.Equal("echo", catalog.Find("ECHO")!.Code);
        Assert.Null(catalog.Find("missing"));
    }

    [Theory]
    [InlineData("echo", "echo")]
    [InlineData("echo", "Echo")]
    public void Constructor_DuplicateCode_Throws(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new BotCatalog([Definition(first), Definition(second)]));

        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my bot")]
    [InlineData("bot/1")]
    [InlineData("bot:1")]
    [InlineData("бот")]
    public void Constructor_CodeWithForbiddenCharacters_Throws(string code)
    {
        Assert.Throws<InvalidOperationException>(() => new BotCatalog([Definition(code)]));
    }

    [Fact]
    public void Constructor_CodeOver64Characters_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new BotCatalog([Definition(new string('a', 65))]));
    }

    private static BotDefinition Definition(string code) => new BotBuilder().Profile(code, "Bot").Build("TestBot");
}
