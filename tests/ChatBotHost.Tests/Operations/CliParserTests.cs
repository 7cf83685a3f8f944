using ChatBotHost.Operations.Cli;

namespace ChatBotHost.Tests.Operations;

public sealed class CliParserTests
{
    [Theory]
    [InlineData("bots", true)]
    [InlineData("deadletters", true)]
    [InlineData("--help", true)]
    [InlineData("--urls", false)]
    [InlineData("--ChatBotHost:Redis:Configuration=x", false)]
    public void IsCommand_FirstArgument_DecidesBetweenCommandAndHost(string first, bool expected) =>
        Assert.Equal(expected, CliParser.IsCommand([first, "http://localhost:5000"]));

    [Fact]
    public void IsCommand_NoArguments_RunsTheHost() => Assert.False(CliParser.IsCommand([]));

    [Fact]
    public void Parse_RegisterWithCodeAndSettings_KeepsTheSettingsAsConfiguration()
    {
        var command = CliParser.Parse(["bots", "register", "echo", "--ChatBotHost:Redis:Configuration=redis:6379", "--ChatBotHost:Bots:echo:BotToken", "t0k"], out var error);

        Assert.Null(error);
        Assert.Equal(CliCommand.BotsRegister, command!.Verb);
        Assert.Equal("echo", command.BotCode);
        Assert.Equal(["--ChatBotHost:Redis:Configuration=redis:6379", "--ChatBotHost:Bots:echo:BotToken", "t0k"], command.ConfigurationArgs);
    }

    [Theory]
    [InlineData("--portal", "p.example", "--count", "3")]
    [InlineData("--count=3", "--portal=p.example", null, null)]
    public void Parse_ReplayWithOptions_ReadsPortalAndCount(string a, string b, string? c, string? d)
    {
        string[] args = ["deadletters", "replay", a, b, .. c is null ? Array.Empty<string>() : [c, d!]];

        var command = CliParser.Parse(args, out var error);

        Assert.Null(error);
        Assert.Equal(CliCommand.DeadLettersReplay, command!.Verb);
        Assert.Equal("p.example", command.Portal);
        Assert.Equal(3, command.Count);
        Assert.Empty(command.ConfigurationArgs);
    }

    [Theory]
    [InlineData("bots register", "needs a bot code")]
    [InlineData("bots frob", "Unknown command")]
    [InlineData("deadletters list --count 0", "--count must be a positive number")]
    [InlineData("inbox status stray", "Unexpected argument 'stray'")]
    public void Parse_BadCommandLine_SaysWhatIsWrong(string line, string expected)
    {
        var command = CliParser.Parse(line.Split(' '), out var error);

        Assert.Null(command);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("-h")]
    public void Parse_Help_IsHelp(string arg) => Assert.Equal(CliCommand.Help, CliParser.Parse([arg], out _)!.Verb);
}
