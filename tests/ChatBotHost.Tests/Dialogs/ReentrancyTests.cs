using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class ReentrancyTests
{
    [Fact]
    public async Task BeginAsync_FromInsideAStep_FailsTheTurnNamingTheWayToDoIt()
    {
        await using var host = Host();
        var user = host.Conversation();

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Command("/step"));

        Assert.Contains("step.Begin<T>()", error.InnerException!.Message, StringComparison.Ordinal);
        await user.ExpectNoMoreReplies().ExpectNoDialog();
    }

    [Fact]
    public async Task BeginAsync_FromOnEndAsync_FailsTheTurnInsteadOfDroppingTheNewDialog()
    {
        await using var host = Host();
        var user = host.Conversation();

        await Assert.ThrowsAsync<ConversationAssertionException>(async () => await user.Command("/end"));

        await user.ExpectNoMoreReplies().ExpectNoDialog();
        Assert.Equal(["ChainingDialog ended Completed"], host.DialogLog());
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot
        .Dialog<ReentrantDialog>()
        .Dialog<ChainingDialog>()
        .Dialog<ConfirmDialog>()
        .Starts<ReentrantDialog>("step")
        .Starts<ChainingDialog>("end"));
}
