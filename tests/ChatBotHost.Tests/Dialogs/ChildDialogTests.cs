using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class ChildDialogTests
{
    [Fact]
    public async Task Begin_ChildEndsWithResult_ParentNextStepReadsResultAndCompleted()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/start").ExpectReply(GreetingDialog.Question("Ada")).ExpectDialog<GreetingDialog>()
            .Send("hello").ExpectReply(ParentDialog.Resumed(DialogEndReason.Completed, "Ada hears \"hello\""))
            .ExpectNoDialog()
            .ExpectNoMoreReplies();

        Assert.Equal(["GreetingDialog ended Completed", "ParentDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Begin_ChildCancelsItself_ParentContinuesWithCancelledAndNoResult()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/start").ExpectReply(GreetingDialog.Question("Ada"))
            .Send(GreetingDialog.NeverMind).ExpectReply(ParentDialog.Resumed(DialogEndReason.Cancelled, "no result"))
            .ExpectNoDialog();

        Assert.Equal(["GreetingDialog ended Cancelled", "ParentDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Begin_WithoutParent_ChildReadsItsArgs()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/greet").ExpectReply(GreetingDialog.Question("Cy"))
            .Send("hi").ExpectNoMoreReplies()
            .ExpectNoDialog();

        Assert.Equal(["GreetingDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Replace_InChild_EndsItOnceAsReplacedAndParentGetsReplacementsResult()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/replace").ExpectReply(ReplacingDialog.HandingOver).ExpectReply(GreetingDialog.Question("Bob"))
            .ExpectDialog<GreetingDialog>()
            .Send("hi").ExpectReply(ParentDialog.Resumed(DialogEndReason.Completed, "Bob hears \"hi\""))
            .ExpectNoDialog()
            .ExpectNoMoreReplies();

        Assert.Equal(
            ["ReplacingDialog ended Replaced", "GreetingDialog ended Completed", "ParentDialog ended Completed"],
            host.DialogLog());
    }

    [Fact]
    public async Task Replace_AtTopLevel_ReplacementRunsAndEndsTheConversation()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/swap").ExpectReply(ReplacingDialog.HandingOver).ExpectReply(GreetingDialog.Question("Bob"))
            .Send("hi").ExpectNoMoreReplies()
            .ExpectNoDialog();

        Assert.Equal(["ReplacingDialog ended Replaced", "GreetingDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task BeginAsync_WhileNestedDialogsRun_EndsThemAsReplacedInnermostFirst()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/start").ExpectReply(GreetingDialog.Question("Ada"))
            .Command("/number").ExpectReply("How many?")
            .ExpectDialog<NumberDialog>()
            .ExpectNoMoreReplies();

        // Ended by BeginAsync, the parent does not resume: its next step never runs.
        Assert.Equal(["GreetingDialog ended Replaced", "ParentDialog ended Replaced"], host.DialogLog());
    }

    [Fact]
    public async Task CancelAllAsync_NestedDialogs_CancelsInnermostFirstAndParentDoesNotResume()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/start").ExpectReply(GreetingDialog.Question("Ada"))
            .Command("/cancel").ExpectNoMoreReplies()
            .ExpectNoDialog()
            .Command("/cancel").ExpectReply(DialogTestHost.NothingToCancel);

        Assert.Equal(["GreetingDialog ended Cancelled", "ParentDialog ended Cancelled"], host.DialogLog());
    }

    [Fact]
    public async Task ActiveAsync_NestedDialogs_NamesTheInnermostOrNone()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/which").ExpectReply("none")
            .Command("/start").ExpectReply(GreetingDialog.Question("Ada"))
            .Command("/which").ExpectReply(nameof(GreetingDialog))
            .Send("hi").ExpectReplyContaining("Parent resumed")
            .Command("/which").ExpectReply("none");
    }
}
