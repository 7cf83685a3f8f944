using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class MessageUuidTests : EmulatorTest
{
    private const string Send = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task Send_RepeatedTemplateIdAfterLostAnswer_PostsOnceAndReturnsTheFirstId()
    {
        var botId = await Client.RegisterBotAsync("c", Token);
        var fields = new JsonObject { ["message"] = "once", ["templateId"] = "6f1c2c1e-7d4a-4b8e-9f7b-0c1d2e3f4a5b" };
        Portal.Faults.FailNext(1, FaultKind.AcceptedThenDropped, Send);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendMessageAsync(botId, Token, Dialog(Admin), fields.DeepClone().AsObject()));
        await Client.SendMessageAsync(botId, Token, Dialog(Admin), fields.DeepClone().AsObject());

        var posted = Assert.Single(Portal.GetMessages(null));
        Assert.Equal("once", posted.Text);
        Assert.Equal("6f1c2c1e-7d4a-4b8e-9f7b-0c1d2e3f4a5b", posted.Uuid);
    }

    [Fact]
    public async Task Send_WithoutTemplateId_PostsEveryTime()
    {
        var botId = await Client.RegisterBotAsync("c", Token);

        await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "again" });
        await Client.SendMessageAsync(botId, Token, Dialog(Admin), new JsonObject { ["message"] = "again" });

        Assert.Equal(2, Portal.GetMessages(null).Count);
    }

    private static string Dialog(int id) => id.ToString(CultureInfo.InvariantCulture);
}
