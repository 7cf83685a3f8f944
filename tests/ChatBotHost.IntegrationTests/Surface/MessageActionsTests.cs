using System.Globalization;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>Edit, delete, react, quote and forward from a handler reach the emulated portal over real HTTP, in order.</summary>
public sealed class MessageActionsTests
{
    [Fact]
    public async Task UpdateMessage_EditsTheBotsOwnReply()
    {
        await using var rig = await StartAsync();
        await rig.SayAsync("edit");

        var edited = await rig.WaitAsync(m => m.IsEdited);
        Assert.Equal("final", edited.Text);
        Assert.DoesNotContain(rig.BotMessages(), m => m.Text == "draft");
    }

    [Fact]
    public async Task DeleteMessage_RemovesTheReplyBeforeTheNextOneIsSent()
    {
        await using var rig = await StartAsync();
        await rig.SayAsync("delete");

        await rig.WaitAsync(m => m.Text == "deleted");
        Assert.DoesNotContain(rig.BotMessages(), m => m.Text == "temporary");
    }

    [Fact]
    public async Task React_SetsOneLikeAndRemovesTheReactionTakenBack()
    {
        await using var rig = await StartAsync();
        var said = await rig.SayAsync("react");

        await rig.WaitAsync(m => m.Text == "reacted");
        var reaction = Assert.Single(rig.Emulator.Portal.GetReactions(said));
        Assert.Equal(("like", rig.BotId), (reaction.Reaction, reaction.UserId));
    }

    [Fact]
    public async Task ReplyTo_QuotesTheUsersMessage()
    {
        await using var rig = await StartAsync();
        var said = await rig.SayAsync("quote");

        var quote = await rig.WaitAsync(m => m.Text == "quoted");
        Assert.Equal(said, quote.ReplyId);
    }

    [Fact]
    public async Task Forward_PostsTheCommentThenACopyAndReturnsTheCopysId()
    {
        await using var rig = await StartAsync();
        var said = await rig.SayAsync("pass this on");

        var report = await rig.WaitAsync(m => m.Text.StartsWith("copy ", StringComparison.Ordinal));
        var messages = rig.BotMessages();
        var comment = Assert.Single(messages, m => m.Text == "forwarded");
        var copy = Assert.Single(messages, m => m.ForwardedFromId == said);
        Assert.Equal("pass this on", copy.Text);
        Assert.Equal($"copy {copy.Id}", report.Text);
        Assert.True(comment.Id < copy.Id && copy.Id < report.Id);
    }

    private static async Task<Rig> StartAsync()
    {
        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook")
            .Set($"ChatBotHost:Bots:{MessageActionsProbeBot.Code}:BotToken", "actions-token-0123456789abcdef")
            .Set($"ChatBotHost:Bots:{MessageActionsProbeBot.Code}:EventMode", "webhook"), typeof(MessageActionsProbeBot));
        return new Rig(emulator, host, emulator.Portal.FindBot(MessageActionsProbeBot.Code)!.Id);
    }

    private sealed record Rig(BitrixEmulator Emulator, InProcessHost Host, int BotId) : IAsyncDisposable
    {
        private string Dialog => BotId.ToString(CultureInfo.InvariantCulture);

        public Task<int> SayAsync(string text) => Emulator.Portal.SendUserMessageAsync(1, Dialog, text);

        public Task<EmulatedMessage> WaitAsync(Func<EmulatedMessage, bool> predicate) =>
            Emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == BotId && predicate(m), Waits.Reply, CancellationToken.None);

        public IReadOnlyList<EmulatedMessage> BotMessages() =>
            [.. Emulator.Portal.GetMessages(null).Where(m => m.PostedByBotId == BotId)];

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
