using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Pipeline;

namespace ChatBotHost.Tests.Pipeline;

public class LongMessageTests
{
    [Fact]
    public void Parts_ShortMessage_IsTheMessageItself()
    {
        var message = new MessageFields { Message = "hi", Keyboard = new JsonArray() };

        Assert.Same(message, Assert.Single(LongMessage.Parts(message)));
    }

    [Fact]
    public void Parts_LongMessage_QuotesOnTheFirstPartAndPutsKeyboardAttachAndForwardsOnTheLast()
    {
        var message = new MessageFields
        {
            Message = string.Concat(Enumerable.Repeat("word ", 9000)),
            ReplyId = 5,
            TemplateId = "author-uuid",
            System = true,
            Keyboard = new JsonObject { ["BUTTONS"] = new JsonArray() },
            Attach = new JsonArray(),
            ForwardIds = new Dictionary<string, int> { ["u"] = 9 },
        };

        var parts = LongMessage.Parts(message);

        Assert.Equal(3, parts.Count);
        Assert.Equal(message.Message, string.Concat(parts.Select(p => p.Message)));
        Assert.Equal([(5, "author-uuid"), (null, null), (null, null)], parts.Select(p => (p.ReplyId, p.TemplateId)));
        Assert.Equal([false, false, true], parts.Select(p => p.Keyboard is not null && p.Attach is not null && p.ForwardIds is not null));
        Assert.All(parts, p => Assert.True(p.System));
    }
}
