using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Flows;

namespace ChatBotHost.Tests.Dialogs;

public sealed class BotBuilderDialogTests
{
    [Theory]
    [InlineData("answer")]
    [InlineData("/Answer")]
    public void Command_ReservedAnswer_Throws(string name)
    {
        var builder = new BotBuilder().Profile("b", "B");

        var error = Assert.Throws<InvalidOperationException>(() => builder.Command(name, "Answer", (_, _, _) => Task.CompletedTask));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dialog_DeclaredTwice_Throws()
    {
        var builder = new BotBuilder().Profile("b", "B").Dialog<ConfirmDialog>();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Dialog<ConfirmDialog>());

        Assert.Contains(nameof(ConfirmDialog), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithDialogs_AddsTheHiddenAnswerCommandOnce()
    {
        var definition = new BotBuilder().Profile("b", "B")
            .Command("help", "Help", (_, _, _) => Task.CompletedTask)
            .Dialog<ConfirmDialog>()
            .Dialog<NumberDialog>()
            .Build("B");

        Assert.Equal(["help", AnswerButton.Command], definition.Commands.Select(c => c.Name));
        Assert.True(definition.Commands.Single(c => c.Name == AnswerButton.Command).Hidden);
        Assert.Equal([typeof(ConfirmDialog), typeof(NumberDialog)], definition.Dialogs);
    }

    [Fact]
    public void Build_WithoutDialogs_HasNoAnswerCommand()
    {
        var definition = new BotBuilder().Profile("b", "B").Command("help", "Help", (_, _, _) => Task.CompletedTask).Build("B");

        Assert.DoesNotContain(definition.Commands, c => c.Name == AnswerButton.Command);
    }

    [Fact]
    public void FindDialog_ByClassName_FindsTheDeclaredType()
    {
        var definition = new BotBuilder().Profile("b", "B").Dialog<ConfirmDialog>().Build("B");

        Assert.Equal(typeof(ConfirmDialog), definition.FindDialog(nameof(ConfirmDialog)));
        Assert.Null(definition.FindDialog(nameof(NumberDialog)));
    }
}
