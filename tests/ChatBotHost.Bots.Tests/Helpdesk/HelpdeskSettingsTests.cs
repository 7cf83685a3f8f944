using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Testing;

namespace ChatBotHost.Bots.Tests.Helpdesk;

public sealed class HelpdeskSettingsTests
{
    private const string AskSubject = "What is the ticket about? Please write a short subject.";
    private const string Reminder = "Are you still there?";
    private const string Dropped = "I dropped the ticket draft because nobody answered";

    [Fact]
    public async Task NoSettings_DefaultsRemindAfterTenAndDropAfterThirtyMinutes()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(9)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(1)).ExpectReplyContaining(Reminder)
            .Wait(TimeSpan.FromMinutes(19)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(1)).ExpectReplyContaining(Dropped);
    }

    [Fact]
    public async Task OnlyReminderAfterSet_OverridesItAndKeepsTheDefaultDrop()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Settings["reminderAfter"] = "00:02:00");

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(2)).ExpectReplyContaining(Reminder)
            .Wait(TimeSpan.FromMinutes(27)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromMinutes(1)).ExpectReplyContaining(Dropped);
    }

    [Fact]
    public async Task CancelAfterSetBelowTheDefaultReminder_DropsWithoutReminding()
    {
        // A reminder due after the draft is dropped would never be seen, so the dialog leaves it out.
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Settings["CancelAfter"] = "00:08:00");

        await host.Conversation()
            .Command("/ticket").ExpectReply(AskSubject)
            .Wait(TimeSpan.FromMinutes(8)).ExpectReplyContaining(Dropped)
            .ExpectNoMoreReplies()
            .Wait(TimeSpan.FromHours(1)).ExpectNoMoreReplies();
    }
}
