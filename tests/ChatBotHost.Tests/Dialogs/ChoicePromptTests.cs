using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    [Theory]
    [InlineData("Green")]
    [InlineData("green")]
    [InlineData(" GREEN ")]
    [InlineData("2")]
    public async Task Ask_TypedLabelOrNumber_PicksTheOption(string answer)
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/colour").ExpectReply(ColourDialog.Question).ExpectButtons("Red", "Green", "Blue")
            .Send(answer).ExpectReply(ColourDialog.AskComment)
            .Send("nice").ExpectReply("Picked green: nice");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("Purple")]
    public async Task Ask_NoneOfTheOptions_AsksAgainWithButtons(string answer)
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/colour").ExpectReply(ColourDialog.Question)
            .Send(answer).ExpectReply($"Please choose one of the options.\n{ColourDialog.Question}")
            .ExpectButtons("Red", "Green", "Blue")
            .Press("Blue").ExpectReply(ColourDialog.AskComment);
    }

    [Fact]
    public async Task Ask_ButtonPressed_PicksTheOption()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/colour").ExpectReply(ColourDialog.Question)
            .Press("Red").ExpectReply(ColourDialog.AskComment)
            .Send("ok").ExpectReply("Picked red: ok");
    }

    [Theory]
    [InlineData("yes", "True")]
    [InlineData("YES", "True")]
    [InlineData("no", "False")]
    [InlineData("1", "True")]
    [InlineData("2", "False")]
    public async Task Confirm_TypedInEnglish_IsRead(string answer, string confirmed)
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/confirm").ExpectReply("Proceed?").ExpectButtons("Yes", "No")
            .Send(answer).ExpectReply($"Confirmed: {confirmed}");
    }

    [Theory]
    [InlineData("Ja", "True")]
    [InlineData("ja", "True")]
    [InlineData("Nein", "False")]
    public async Task Confirm_TypedInGerman_IsRead(string answer, string confirmed)
    {
        await using var host = Host(o => o.Language = "de");

        await host.Conversation()
            .Command("/confirm").ExpectReply("Fortfahren?").ExpectButtons("Ja", "Nein")
            .Send(answer).ExpectReply($"Confirmed: {confirmed}");
    }

    [Fact]
    public async Task DisableTextField_WhileAsking_TurnsFieldOffAndOnAgainAfterTheAnswer()
    {
        await using var host = Host();

        await host.Conversation()
            .ExpectTextField(true)
            .Command("/buttons").ExpectReply(ColourDialog.Question).ExpectTextField(false)
            .Press("Green").ExpectReply(ColourDialog.AskComment).ExpectTextField(true)
            .Send("fine").ExpectReply("Picked green: fine").ExpectTextField(true)
            .ExpectNoDialog();
    }

    [Fact]
    public async Task DisableTextField_DialogCancelled_TurnsFieldOnAgain()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/buttons").ExpectReply(ColourDialog.Question).ExpectTextField(false)
            .Command("/cancel").ExpectTextField(true)
            .ExpectNoDialog();

        Assert.Equal(2, host.Calls.Count(c => c.Contains("TextField", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DisableTextField_RefusedAnswer_KeepsFieldOffWithoutSwitchingAgain()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/buttons").ExpectReply(ColourDialog.Question)
            .Send("Purple").ExpectReplyContaining(ColourDialog.Question).ExpectTextField(false)
            .Press("Red").ExpectTextField(true);

        Assert.Equal(2, host.Calls.Count(c => c.Contains("TextField", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DisableTextField_Off_WithoutTheFlagNeverTouchesTheField()
    {
        await using var host = Host();

        await host.Conversation().Command("/colour").Press("Red").Send("ok");

        Assert.DoesNotContain(host.Calls, c => c.Contains("TextField", StringComparison.Ordinal));
    }

    private static BotTestHost Host(Action<BotTestOptions>? configure = null) => DialogTestHost.Create(
        bot => bot
            .Dialog<ColourDialog>()
            .Dialog<ConfirmDialog>()
            .Starts<ColourDialog>("colour")
            .Starts<ColourDialog>("buttons", true)
            .Starts<ConfirmDialog>("confirm")
            .CancelCommand(),
        configure);
}
