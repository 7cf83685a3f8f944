using ChatBotHost.Bots.Reminder;
using ChatBotHost.Testing;

namespace ChatBotHost.Bots.Tests.Reminder;

public sealed class RemindCommandTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("")]
    [InlineData("10m")]
    [InlineData("soon Stretch your legs")]
    [InlineData("10 Stretch your legs")]
    [InlineData("0s Stretch your legs")]
    [InlineData("Stretch your legs 10m")]
    public async Task Remind_BadInput_AnswersWithUsageAndSchedulesNothing(string parameters)
    {
        await using var host = BotTestHost.Create<ReminderBot>();

        await host.Conversation()
            .Command("/remind", parameters).ExpectReply(RemindCommand.Usage)
            .Wait(TimeSpan.FromDays(31)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Message_NotACommand_AnswersWithUsage()
    {
        await using var host = BotTestHost.Create<ReminderBot>();

        await host.Conversation().Send("remind me in 10 minutes").ExpectReply(RemindCommand.Usage);
    }

    [Theory]
    [InlineData("30d1s Stretch")]
    [InlineData("31d Stretch")]
    [InlineData("999999999999d Stretch")]
    public async Task Remind_TooFarAhead_SaysTheLimitAndSchedulesNothing(string parameters)
    {
        await using var host = BotTestHost.Create<ReminderBot>();

        await host.Conversation()
            .Command("/remind", parameters).ExpectReply("That is too far ahead: I can remind you at most 30 days from now.")
            .Wait(TimeSpan.FromDays(40)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Remind_AtTheLimit_IsAccepted()
    {
        await using var host = BotTestHost.Create<ReminderBot>();

        await host.Conversation()
            .Command("/remind", "30d Renew the licence").ExpectReply("I will remind you in 30 days.")
            .Wait(TimeSpan.FromDays(30)).ExpectReply("⏰ Renew the licence");
    }

    [Fact]
    public async Task Remind_Delay_ArrivesAfterItExactlyOnceAndNotBefore()
    {
        await using var host = BotTestHost.Create<ReminderBot>();
        var delay = TimeSpan.FromMinutes(10);

        await host.Conversation()
            .Command("/remind", "10m Stretch your legs").ExpectReply("I will remind you in 10 minutes.")
            .Wait(delay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReply("⏰ Stretch your legs")
            .Wait(TimeSpan.FromDays(31)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Remind_TwoReminders_ArriveInTheOrderTheyAreDue()
    {
        await using var host = BotTestHost.Create<ReminderBot>();

        await host.Conversation()
            .Command("/remind", "1h30m Later one").ExpectReply("I will remind you in 1 hour 30 minutes.")
            .Command("/remind", "45s  Sooner one ").ExpectReply("I will remind you in 45 seconds.")
            .Wait(TimeSpan.FromHours(2)).ExpectReply("⏰ Sooner one").ExpectReply("⏰ Later one")
            .ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Remind_TwoUsers_EachGetsOnlyTheirOwn()
    {
        await using var host = BotTestHost.Create<ReminderBot>();
        var ann = host.Conversation(userId: 1);
        var bob = host.Conversation(userId: 2);

        await ann.Command("/remind", "5m Ann's tea").ExpectReply("I will remind you in 5 minutes.");
        await bob.Command("/remind", "5m Bob's coffee").ExpectReply("I will remind you in 5 minutes.");
        await ann.Wait(TimeSpan.FromMinutes(5)).ExpectReply("⏰ Ann's tea").ExpectNoMoreReplies();
        await bob.ExpectReply("⏰ Bob's coffee").ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Remind_TextWithBbCode_IsSentEscaped()
    {
        await using var host = BotTestHost.Create<ReminderBot>();
        const string joiner = "\u2060";

        await host.Conversation()
            .Command("/remind", "1m [b]Deploy[/b] [url=https://evil.example]now[/url] >>quoted")
            .ExpectReply("I will remind you in 1 minute.")
            .Wait(TimeSpan.FromMinutes(1))
            .ExpectReply($"⏰ [{joiner}b]Deploy[{joiner}/b] [{joiner}url=https://evil.example]now[{joiner}/url] >{joiner}>quoted");
    }
}
