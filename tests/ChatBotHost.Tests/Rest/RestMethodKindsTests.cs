using ChatBotHost.Rest;

namespace ChatBotHost.Tests.Rest;

public sealed class RestMethodKindsTests
{
    [Theory]
    [InlineData("crm.lead.list")]
    [InlineData("tasks.task.get")]
    [InlineData("user.current")]
    [InlineData("user.get")]
    [InlineData("crm.lead.fields")]
    [InlineData("im.notify.history.search")]
    [InlineData("profile")]
    [InlineData("server.time")]
    [InlineData("imbot.v2.Chat.InputAction.notify")]
    public void HasEffect_Read_IsFalse(string method) => Assert.False(RestMethodKinds.HasEffect(method));

    [Theory]
    [InlineData("crm.lead.add")]
    [InlineData("tasks.task.add")]
    [InlineData("crm.lead.update")]
    [InlineData("im.notify.confirm")]
    [InlineData("im.notify.system.add")]
    [InlineData("imbot.v2.Chat.Message.send")]
    [InlineData("batch")]
    public void HasEffect_Effect_IsTrue(string method) => Assert.True(RestMethodKinds.HasEffect(method));
}
