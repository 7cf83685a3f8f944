using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Tests.Pipeline;

public sealed class BotBuilderTests
{
    [Fact]
    public void Command_SameNameTwiceIgnoringSlashAndCase_Throws()
    {
        var builder = new BotBuilder().Profile("b", "B").Command("help", "Help", (_, _, _) => Task.CompletedTask);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Command("/HELP", "Help again", (_, _, _) => Task.CompletedTask));

        Assert.Contains("help", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutProfile_ThrowsNamingTheDeclaringType()
    {
        var builder = new BotBuilder().OnMessage((_, _, _) => Task.CompletedTask);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build("EchoBot"));

        Assert.Contains("EchoBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CommandDeclaredWithSlashAndCapitals_IsRegisteredNormalized()
    {
        var definition = new BotBuilder().Profile("b", "B").Command("/Help", "Help", (_, _, _) => Task.CompletedTask).Build("B");

        Assert.Equal("help", Assert.Single(definition.Commands).Name);
    }
}
