using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class GermanCultureTests
{
    [Fact]
    public async Task Confirm_GermanUser_GetsGermanButtonsAndRetryText()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/confirm").ExpectReply("Fortfahren?").ExpectButtons("Ja", "Nein")
            .Send("vielleicht").ExpectReply("Bitte wählen Sie eine der Optionen.\nFortfahren?").ExpectButtons("Ja", "Nein")
            .Press("Nein").ExpectReply("Confirmed: False");
    }

    [Fact]
    public async Task Number_GermanUser_GetsGermanRetryTextsAndMayTypeADecimalPoint()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/number").ExpectReply("Wie viele?")
            .Send("zwei").ExpectReply("Bitte geben Sie eine Zahl ein.\nWie viele?")
            .Send("12").ExpectReply("Bitte geben Sie eine Zahl von 1 bis 10 ein.\nWie viele?")
            .Send("3").ExpectReply("Bitte eine gerade Zahl.\nWie viele?")
            .Send("4.0").ExpectReply("Got 4,0");
    }

    [Fact]
    public async Task Timeout_GermanUser_IsToldInGermanThatTheBotStillWaits()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Wait(TimeoutDialog.Timeout).ExpectReply($"Ich warte noch auf Ihre Antwort.\n{TimeoutDialog.Question}");
    }

    [Fact]
    public async Task OldButton_GermanUser_IsToldInGermanTheQuestionIsClosed()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/confirm").ExpectReply("Fortfahren?")
            .Press("Ja").ExpectReply("Confirmed: True")
            .Press("Nein").ExpectReply("Diese Frage ist nicht mehr offen.");
    }

    [Fact]
    public async Task UnknownLanguage_FallsBackToEnglish()
    {
        await using var host = DialogTestHost.Create(
            bot => bot.Dialog<ConfirmDialog>().Starts<ConfirmDialog>("confirm"),
            o => o.Language = "xx");

        await host.Conversation()
            .Command("/confirm").ExpectReply("Proceed?").ExpectButtons("Yes", "No")
            .Send("yes").ExpectReply("Confirmed: True");
    }

    private static BotTestHost Host() => DialogTestHost.Create(
        bot => bot
            .Dialog<ConfirmDialog>()
            .Dialog<NumberDialog>()
            .Dialog<TimeoutDialog>()
            .Starts<ConfirmDialog>("confirm")
            .Starts<NumberDialog>("number")
            .Starts<TimeoutDialog>("name"),
        o => o.Language = "de");
}
