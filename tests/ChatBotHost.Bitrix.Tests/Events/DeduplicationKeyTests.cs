using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class DeduplicationKeyTests
{
    public static TheoryData<string> EventTypes => FixtureFiles.EventTypes;

    private static BotEvent FromForm(string type) =>
        WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType).Event;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void DeduplicationKey_OfFormAndJsonDeliveries_IsIdentical(string type)
    {
        var json = WebhookEventDecoder.Decode(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType).Event;

        Assert.Equal(FromForm(type).DeduplicationKey, json.DeduplicationKey);
    }

    // The expected hashes were computed by PHP (substr(hash('sha256', …), 0, 16)), not by .NET: equal values
    // prove the key is the same in every process and on every runtime, unlike string.GetHashCode.
    [Theory]
    [InlineData("ONIMBOTV2MESSAGEADD", "w:ONIMBOTV2MESSAGEADD:789")]
    [InlineData("ONIMBOTV2MESSAGEUPDATE", "w:ONIMBOTV2MESSAGEUPDATE:789:568ca8600d743a0f")]
    [InlineData("ONIMBOTV2MESSAGEDELETE", "w:ONIMBOTV2MESSAGEDELETE:789")]
    [InlineData("ONIMBOTV2JOINCHAT", "w:ONIMBOTV2JOINCHAT:chat5:1:1736929800")]
    [InlineData("ONIMBOTV2DELETE", "w:ONIMBOTV2DELETE:456")]
    [InlineData("ONIMBOTV2CONTEXTGET", "w:ONIMBOTV2CONTEXTGET:1:1:1736930160:3b7ce96dee842546")]
    [InlineData("ONIMBOTV2COMMANDADD", "w:ONIMBOTV2COMMANDADD:790:78")]
    [InlineData("ONIMBOTV2REACTIONCHANGE", "w:ONIMBOTV2REACTIONCHANGE:789:1:like:add:1736930100")]
    public void DeduplicationKey_OfWebhookEvent_IsAFixedStableString(string type, string expected) =>
        Assert.Equal(expected, FromForm(type).DeduplicationKey);

    [Fact]
    public void DeduplicationKey_OfFetchedEvent_IsItsEventId() =>
        Assert.Equal("e:1003", FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2MESSAGEUPDATE")).DeduplicationKey);

    [Fact]
    public void DeduplicationKey_OfTwoEditsOfOneMessage_Differs()
    {
        var first = Assert.IsType<MessageUpdated>(FromForm("ONIMBOTV2MESSAGEUPDATE"));
        var second = first with { Message = first.Message with { Text = "another edit" } };

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_OfContextWithDifferentPayload_Differs()
    {
        var first = Assert.IsType<ContextRequested>(FromForm("ONIMBOTV2CONTEXTGET"));
        var second = first with { Context = new JsonObject { ["entityId"] = "165" } };

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
    }
}
