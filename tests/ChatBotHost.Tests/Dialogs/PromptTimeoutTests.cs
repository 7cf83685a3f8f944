using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class PromptTimeoutTests
{
    private const string StillWaiting = "I am still waiting for your answer.\n" + TimeoutDialog.Question;

    [Fact]
    public async Task Timeout_Unanswered_AsksAgainThenEndsWithNoValidAnswer()
    {
        await using var host = Host();
        var almost = TimeoutDialog.Timeout - TimeSpan.FromSeconds(1);

        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Wait(almost).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromSeconds(1)).ExpectReply(StillWaiting)
            .Wait(almost).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromSeconds(1)).ExpectReply(StillWaiting)
            .Wait(TimeoutDialog.Timeout).ExpectNoMoreReplies()
            .ExpectNoDialog()
            .Wait(TimeSpan.FromHours(1)).ExpectNoMoreReplies();

        Assert.Equal(["TimeoutDialog ended NoValidAnswer"], host.DialogLog());
    }

    [Fact]
    public async Task Timeout_CountsAsAnAttemptAlongsideRefusedAnswers()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Send(" ").ExpectReply($"Please write your answer.\n{TimeoutDialog.Question}")
            .Wait(TimeoutDialog.Timeout).ExpectReply(StillWaiting)
            .Send("").ExpectNoMoreReplies()
            .ExpectNoDialog();

        Assert.Equal(["TimeoutDialog ended NoValidAnswer"], host.DialogLog());
    }

    [Fact]
    public async Task Timeout_AnsweredInTime_DoesNotFireLater()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Wait(TimeSpan.FromSeconds(30))
            .Send("Ann").ExpectReply("Hello Ann")
            .Wait(TimeSpan.FromHours(1)).ExpectNoMoreReplies();

        Assert.Equal(["TimeoutDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Timeout_RefusedAnswer_RestartsTheWait()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Wait(TimeSpan.FromSeconds(50))
            .Send(" ").ExpectReplyContaining("Please write your answer.")
            .Wait(TimeSpan.FromSeconds(50)).ExpectNoMoreReplies()
            .Wait(TimeSpan.FromSeconds(10)).ExpectReply(StillWaiting);
    }

    [Fact]
    public async Task Timeout_LongSilence_FiresEachTimeoutInTurn()
    {
        await using var host = Host();

        // One long wait must play out like the minutes passing one by one: every re-asked question times out again.
        await host.Conversation()
            .Command("/name").ExpectReply(TimeoutDialog.Question)
            .Wait(TimeSpan.FromHours(1))
            .ExpectReply(StillWaiting)
            .ExpectReply(StillWaiting)
            .ExpectNoMoreReplies()
            .ExpectNoDialog();

        Assert.Equal(["TimeoutDialog ended NoValidAnswer"], host.DialogLog());
    }

    [Fact]
    public async Task Timeout_InChild_ParentContinuesWithNoValidAnswer()
    {
        await using var host = DialogTestHost.Create(bot => bot
            .Dialog<TimeoutDialog>()
            .Dialog<ChildTimingOutDialog>()
            .Starts<ChildTimingOutDialog>("start"));

        await host.Conversation()
            .Command("/start").ExpectReply(TimeoutDialog.Question)
            .Wait(TimeoutDialog.Timeout).ExpectReply(StillWaiting)
            .Wait(TimeoutDialog.Timeout).ExpectReply(StillWaiting)
            .Wait(TimeoutDialog.Timeout).ExpectReply($"Child ended {DialogEndReason.NoValidAnswer}")
            .ExpectNoDialog();
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot.Dialog<TimeoutDialog>().Starts<TimeoutDialog>("name"));
}
