using ChatBotHost.Pipeline;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class InactivityTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AfterInactivity_Idle_FiresOncePerIdlePeriod()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(IdleDialog.AskName)
            .Wait(IdleDialog.RemindAfter - OneMinute).ExpectNoMoreReplies()
            .Wait(OneMinute).ExpectReply(IdleDialog.Reminder)
            .Wait(TimeSpan.FromMinutes(20)).ExpectNoMoreReplies()
            .Send("Ann").ExpectReply(IdleDialog.AskCity)
            .Wait(IdleDialog.RemindAfter).ExpectReply(IdleDialog.Reminder)
            .Wait(TimeSpan.FromMinutes(20)).ExpectNoMoreReplies()
            .ExpectDialog<IdleDialog>();
    }

    [Fact]
    public async Task AfterInactivity_UserAnsweredBeforeItWasDue_WaitStartsAgainFromTheAnswer()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(IdleDialog.AskName)
            .Wait(IdleDialog.RemindAfter - OneMinute)
            .Send("Ann").ExpectReply(IdleDialog.AskCity)
            .Wait(OneMinute).ExpectNoMoreReplies()
            .Wait(IdleDialog.RemindAfter - (OneMinute * 2)).ExpectNoMoreReplies()
            .Wait(OneMinute).ExpectReply(IdleDialog.Reminder);
    }

    [Fact]
    public async Task AfterInactivity_StaleTimerArrivesAfterTheAnswer_IsIgnored()
    {
        await using var host = Host();
        var user = host.Conversation();
        await user.Command("/start").ExpectReply(IdleDialog.AskName);
        var staleToken = await DialogTimerShots.TokenOfAsync(host, user, "idle0");
        await user.Send("Ann").ExpectReply(IdleDialog.AskCity);

        var outcome = await DialogTimerShots.FireAsync(host, user, nameof(IdleDialog), "idle0", staleToken!);

        Assert.Equal(TurnOutcome.Handled, outcome);
        await user.ExpectNoMoreReplies()
            .Wait(IdleDialog.RemindAfter).ExpectReply(IdleDialog.Reminder);
    }

    [Fact]
    public async Task AfterInactivity_SilenceUntilGiveUp_RemindsOnceThenEndsAsTimedOut()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(IdleDialog.AskName)
            .Wait(IdleDialog.RemindAfter).ExpectReply(IdleDialog.Reminder)
            .Wait(IdleDialog.GiveUpAfter - IdleDialog.RemindAfter).ExpectNoMoreReplies()
            .ExpectNoDialog()
            .Wait(TimeSpan.FromHours(2)).ExpectNoMoreReplies();

        Assert.Equal(["IdleDialog ended TimedOut"], host.DialogLog());
    }

    [Fact]
    public async Task AfterInactivity_DialogEnded_ItsTimersNeverFire()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(IdleDialog.AskName)
            .Send("Ann").ExpectReply(IdleDialog.AskCity)
            .Send("Oslo").ExpectReply("Ann from Oslo")
            .Wait(TimeSpan.FromHours(2)).ExpectNoMoreReplies();

        Assert.Equal(["IdleDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task AfterInactivity_Reprompt_DoesNotRestartTheWait()
    {
        await using var host = Host();

        // Asking the question again (after /help, say) is the bot talking, not the user answering.
        await host.Conversation()
            .Command("/start").ExpectReply(IdleDialog.AskName)
            .Wait(IdleDialog.RemindAfter - OneMinute)
            .Command("/again").ExpectReply(IdleDialog.AskName)
            .Wait(OneMinute).ExpectReply(IdleDialog.Reminder);
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot
        .Dialog<IdleDialog>()
        .Starts<IdleDialog>()
        .Command("again", "Ask again", (_, turn, ct) => turn.Dialogs.RepromptAsync(ct)));
}
