using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Testing;

namespace ChatBotHost.Bots.Tests.Helpdesk;

public sealed class HelpdeskGermanTests
{
    private const string AskSubject = "Worum geht es? Bitte schreiben Sie einen kurzen Betreff.";
    private const string AskPriority = "Wie dringend ist es?";

    [Fact]
    public async Task Ticket_GermanUser_IsAskedAndAnsweredInGerman()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Language = "de");

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Send("Drucker [b]klemmt[/b]").ExpectReply(AskPriority).ExpectButtons("Niedrig", "Normal", "Hoch")
            .Send("dringend").ExpectReply($"Bitte wählen Sie eine der Optionen.\n{AskPriority}")
            .Press("Hoch")
            .ExpectReply("Soll ich dieses Ticket anlegen?\nBetreff: Drucker [\u2060b]klemmt[\u2060/b]\nPriorität: Hoch")
            .ExpectButtons("Ja", "Nein")
            .Send("ja").ExpectReply("Ticket #1 angelegt: Drucker [\u2060b]klemmt[\u2060/b]")
            .ExpectNoDialog()
            .Command("/tickets").ExpectReply("[b]Ihre Tickets[/b]\n#1 Drucker [\u2060b]klemmt[\u2060/b] (Hoch)");
    }

    [Fact]
    public async Task Ticket_GermanUserSaysNo_IsToldInGermanThatNothingWasCreated()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Language = "de");

        await host.Conversation()
            .Command("/ticket").Send("Maus").Press("Niedrig").Press("Nein")
            .ExpectReply(AskSubject).ExpectReply(AskPriority).ExpectReplyContaining("Soll ich")
            .ExpectReply("Abgebrochen. Es wurde kein Ticket angelegt.")
            .ExpectNoDialog();
    }

    [Fact]
    public async Task Ticket_GermanUserGoesQuiet_IsRemindedAndDroppedInGerman()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Language = "de");

        // Timer turns run in the language of the user who was talking when the timer was set.
        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(10)).ExpectReplyContaining("Sind Sie noch da?")
            .Wait(TimeSpan.FromMinutes(20)).ExpectReplyContaining("Ich habe den Ticketentwurf verworfen")
            .ExpectNoDialog();
    }

    [Fact]
    public async Task Help_GermanUser_ListsGermanTitlesWithoutTheHiddenAnswerCommand()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Language = "de");
        var user = host.Conversation();

        await user.Command("/help").ExpectReplyContaining("Befehle:");

        var help = user.Replies[^1].Text;
        Assert.Contains("/ticket — Ticket eröffnen", help, StringComparison.Ordinal);
        Assert.Contains("/cancel — Ticketentwurf verwerfen", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/answer", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Greeting_GermanUser_IsGerman()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Language = "de");

        await host.Conversation().Send("Hallo").ExpectReplyContaining("Hallo! Ich nehme Helpdesk-Tickets auf.");
    }
}
