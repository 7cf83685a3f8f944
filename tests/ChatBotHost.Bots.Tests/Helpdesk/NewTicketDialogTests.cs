using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Testing;

namespace ChatBotHost.Bots.Tests.Helpdesk;

public sealed class NewTicketDialogTests
{
    private const string AskSubject = "What is the ticket about? Please write a short subject.";
    private const string AskPriority = "How urgent is it?";

    [Fact]
    public async Task Ticket_AnsweredAndConfirmed_FilesTicketWithNumber()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject).ExpectDialog<NewTicketDialog>()
            .Send("Printer is jammed").ExpectReply(AskPriority).ExpectButtons("Low", "Normal", "High")
            .Press("High").ExpectReplyContaining("Create this ticket?").ExpectButtons("Yes", "No")
            .Press("Yes").ExpectReply("Ticket #1 created: Printer is jammed")
            .ExpectNoDialog()
            .ExpectNoMoreReplies();
    }

    // The example in README's "Testing a bot", kept here so it stays true.
    [Fact]
    public async Task Ticket_Unanswered_GetsOneReminder()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Settings["ReminderAfter"] = "00:05:00");

        await host.Conversation()
            .Command("/ticket").ExpectReply("What is the ticket about? Please write a short subject.")
            .Send("Printer is jammed").ExpectReply("How urgent is it?").ExpectButtons("Low", "Normal", "High")
            .Wait(TimeSpan.FromMinutes(5)).ExpectReplyContaining("Are you still there?")
            .Press("High").ExpectReplyContaining("Create this ticket?");
    }

    [Fact]
    public async Task Ticket_Unanswered_RemindsOnceThenDropsDraft()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o =>
        {
            o.Settings["ReminderAfter"] = "00:05:00";
            o.Settings["CancelAfter"] = "00:20:00";
        });

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(4)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(2)).ExpectReplyContaining("Are you still there?")
            .Wait(TimeSpan.FromMinutes(10)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(5)).ExpectReplyContaining("I dropped the ticket draft because nobody answered")
            .ExpectNoDialog()
            .Wait(TimeSpan.FromHours(1)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Ticket_AnswerRestartsInactivityClock()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Settings["ReminderAfter"] = "00:05:00");

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(4))
            .Send("VPN is down").ExpectReply(AskPriority)
            .Wait(TimeSpan.FromMinutes(4)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(1)).ExpectReplyContaining("Are you still there?");
    }

    [Fact]
    public async Task Cancel_WhileAsking_EndsDialogThroughOnEnd()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Command("/cancel").ExpectReply("Cancelled. No ticket was created.")
            .ExpectNoDialog()
            .Command("/cancel").ExpectReply("There is nothing to cancel.");
    }

    [Fact]
    public async Task Help_WhileAsking_AsksTheQuestionAgain()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Command("/help").ExpectReplyContaining("Commands:").ExpectReply(AskSubject)
            .ExpectDialog<NewTicketDialog>();
    }

    [Fact]
    public async Task Priority_ThreeUnreadableAnswers_DropsDraft()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Send("Laptop").ExpectReply(AskPriority)
            .Send("whenever").ExpectReplyContaining(AskPriority)
            .Send("soon").ExpectReplyContaining(AskPriority)
            .Send("meh").ExpectReplyContaining("I could not use those answers")
            .ExpectNoDialog();
    }

    [Fact]
    public async Task Tickets_AfterTwoTickets_ListsBoth()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();
        var user = host.Conversation();

        await user.Command("/ticket").Send("First").Press("Low").Press("Yes")
            .Command("/ticket").Send("Second").Send("3").Send("yes");
        await user.Command("/tickets");

        var list = user.Replies[^1].Text;
        Assert.Contains("#1 First", list, StringComparison.Ordinal);
        Assert.Contains("#2 Second", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldKeyboard_PressedAfterAnswer_IsToldQuestionIsClosed()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").Send("Mouse").ExpectReply(AskSubject).ExpectReply(AskPriority)
            .Press("Normal").ExpectReplyContaining("Create this ticket?")
            .Press("High").ExpectReply("That question is no longer open.");
    }
}
