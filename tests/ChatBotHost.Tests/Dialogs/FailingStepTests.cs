using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class FailingStepTests
{
    [Fact]
    public async Task Step_Throws_KitSurfacesConversationAssertionWithTheCause()
    {
        await using var host = Host();
        var user = host.Conversation();
        await user.Command("/start").ExpectReply(FragileDialog.Question);

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Send(FragileDialog.Trigger));

        var cause = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("The step broke on purpose.", cause.Message);
    }

    [Fact]
    public async Task Step_Throws_StoredPositionIsUnchangedSoTheQuestionStillWaits()
    {
        await using var host = Host();
        var user = host.Conversation();
        await user.Command("/start").ExpectReply(FragileDialog.Question);

        await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Send(FragileDialog.Trigger));

        await user.ExpectNoMoreReplies()
            .ExpectDialog<FragileDialog>()
            .Send("").ExpectReply($"Please write your answer.\n{FragileDialog.Question}")
            .Send("Ann").ExpectReply("Hello Ann")
            .ExpectNoDialog();
        Assert.Equal(["FragileDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Step_ThrowsAgainOnTheSameAnswer_FailsAgainWithoutMovingOn()
    {
        await using var host = Host();
        var user = host.Conversation();
        await user.Command("/start").ExpectReply(FragileDialog.Question);

        await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Send(FragileDialog.Trigger));
        await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Send(FragileDialog.Trigger));

        await user.ExpectNoMoreReplies().ExpectDialog<FragileDialog>();
        Assert.Empty(host.DialogLog());
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot.Dialog<FragileDialog>().Starts<FragileDialog>());
}
