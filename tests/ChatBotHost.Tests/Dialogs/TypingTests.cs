using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class TypingTests
{
    private const string Notify = "imbot.v2.Chat.InputAction.notify";

    [Fact]
    public async Task KeepTypingAsync_AroundLongWork_ShowsTypingBeforeTheReply()
    {
        await using var host = DialogTestHost.Create(bot => bot.Command("slow", "Slow answer", async (_, turn, ct) =>
        {
            await using (await turn.KeepTypingAsync(ct))
            {
                await Task.Yield();
            }

            await turn.ReplyAsync("done", ct);
        }));

        await host.Conversation().Command("/slow").ExpectReply("done");

        var calls = host.Calls.ToList();
        Assert.Contains(Notify, calls);
        Assert.True(calls.IndexOf(Notify) < calls.IndexOf("imbot.v2.Chat.Message.send"));
    }
}
