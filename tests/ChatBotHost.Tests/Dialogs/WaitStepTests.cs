using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class WaitStepTests
{
    private const string Unhandled = "The bot's own message route answered.";

    [Fact]
    public async Task Wait_UsersNextMessage_ReachesNextStepAsInputText()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(WaitingDialog.Invitation).ExpectDialog<WaitingDialog>()
            .Send("the sky is blue").ExpectReply("You said: the sky is blue")
            .ExpectNoDialog()
            .ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Wait_MessageAfterTheDialogEnded_GoesToTheBotsRoute()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/start").ExpectReply(WaitingDialog.Invitation)
            .Send("one").ExpectReply("You said: one")
            .Send("two").ExpectReply(Unhandled)
            .ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Wait_NextStepIsAQuestion_KeepsTheTextFieldOnWhileWaiting()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/notes").ExpectReply(WaitThenAskDialog.Invitation)
            .ExpectTextField(true);
    }

    [Fact]
    public async Task Wait_NextStepIsAQuestion_MessageLeadsToTheQuestionInsteadOfAnsweringIt()
    {
        await using var host = Host();

        // "yes" answers the Wait, not a question the user has not seen yet.
        await host.Conversation()
            .Command("/notes").ExpectReply(WaitThenAskDialog.Invitation)
            .Send("yes").ExpectReply(WaitThenAskDialog.Question).ExpectButtons("Yes", "No").ExpectTextField(false)
            .Press("No").ExpectReply("All: False")
            .ExpectNoDialog();
    }

    [Fact]
    public async Task Wait_NextStepIsAQuestion_RepromptHasNothingToAskAgain()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/notes").ExpectReply(WaitThenAskDialog.Invitation)
            .Command("/again").ExpectReply("Nothing to ask again.");
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot
        .Dialog<WaitingDialog>()
        .Dialog<WaitThenAskDialog>()
        .Starts<WaitingDialog>()
        .Starts<WaitThenAskDialog>("notes")
        .Command("again", "Ask again", async (_, turn, ct) =>
        {
            if (!await turn.Dialogs.RepromptAsync(ct))
            {
                await turn.ReplyAsync("Nothing to ask again.", ct);
            }
        })
        .OnMessage((_, turn, ct) => turn.ReplyAsync(Unhandled, ct)));
}
