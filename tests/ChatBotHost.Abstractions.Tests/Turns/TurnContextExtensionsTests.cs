using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Requests.Messages;
using Moq;

namespace ChatBotHost.Abstractions.Tests.Turns;

public class TurnContextExtensionsTests
{
    [Fact]
    public async Task ReplyAsync_WithKeyboard_SendsTextAndKeyboardWithTheTurnsBotId()
    {
        MessageFields? sent = null;
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.BotId).Returns(456);
        turn.Setup(t => t.ReplyAsync(It.IsAny<MessageFields>(), It.IsAny<CancellationToken>()))
            .Callback<MessageFields, CancellationToken>((m, _) => sent = m)
            .ReturnsAsync(77);

        var id = await turn.Object.ReplyAsync("Pick one", new Keyboard().Command("A", "a"), CancellationToken.None);

        Assert.Equal(77, id);
        Assert.Equal("Pick one", sent!.Message);
        Assert.Equal("""{"BOT_ID":456,"BUTTONS":[{"TEXT":"A","COMMAND":"a"}]}""", sent.Keyboard!.ToJsonString());
    }

    [Fact]
    public async Task ReplyAsync_WithAttach_SendsTheFullFormAttach()
    {
        MessageFields? sent = null;
        var turn = new Mock<ITurnContext>();
        turn.Setup(t => t.ReplyAsync(It.IsAny<MessageFields>(), It.IsAny<CancellationToken>()))
            .Callback<MessageFields, CancellationToken>((m, _) => sent = m)
            .ReturnsAsync(78);

        var id = await turn.Object.ReplyAsync("", new Attach().Message("Request #142"), CancellationToken.None);

        Assert.Equal(78, id);
        Assert.Null(sent!.Message);
        Assert.Equal("""{"BLOCKS":[{"MESSAGE":"Request #142"}]}""", sent.Attach!.ToJsonString());
    }
}
