using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class DeduplicationKeyTests
{
    public static TheoryData<string> EventTypes => FixtureFiles.EventTypes;

    private static BotEvent FromForm(string type) =>
        WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType).Event;

    // The expected hashes were computed by sha256sum over the fixture files (first 32 hex digits), not by .NET: equal
    // values prove the key is the same in every process and on every runtime, unlike string.GetHashCode.
    [Theory]
    [InlineData("ONIMBOTV2MESSAGEADD", "w:ONIMBOTV2MESSAGEADD:dc55a1612a9e79ef24bef3e299d25960")]
    [InlineData("ONIMBOTV2MESSAGEUPDATE", "w:ONIMBOTV2MESSAGEUPDATE:25f1dda6bd9da9a81d722102f5b2d710")]
    [InlineData("ONIMBOTV2MESSAGEDELETE", "w:ONIMBOTV2MESSAGEDELETE:fca1a31504f025a24a1061986ed88cdf")]
    [InlineData("ONIMBOTV2JOINCHAT", "w:ONIMBOTV2JOINCHAT:51e903f2ae0a5ba28e52d047ed8462ab")]
    [InlineData("ONIMBOTV2DELETE", "w:ONIMBOTV2DELETE:438b39ddd0ce0c978013207ced312c4b")]
    [InlineData("ONIMBOTV2CONTEXTGET", "w:ONIMBOTV2CONTEXTGET:3741ab57c3552957714dda41fb45f187")]
    [InlineData("ONIMBOTV2COMMANDADD", "w:ONIMBOTV2COMMANDADD:e124d60548f02bdc1a3cb5828c2e7380")]
    [InlineData("ONIMBOTV2REACTIONCHANGE", "w:ONIMBOTV2REACTIONCHANGE:11aec3da5357d099e38b4c866e151e1f")]
    public void DeduplicationKey_OfWebhookEvent_IsTypeAndTheHashOfTheExactBody(string type, string expected) =>
        Assert.Equal(expected, FromForm(type).DeduplicationKey);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void DeduplicationKey_OfTheSameBodyDeliveredTwice_IsIdentical(string type) =>
        Assert.Equal(FromForm(type).DeduplicationKey, FromForm(type).DeduplicationKey);

    // A form and a JSON body of one event are two deliveries (Bitrix24 sends one of them, once), not a repeat.
    [Theory]
    [MemberData(nameof(EventTypes))]
    public void DeduplicationKey_OfFormAndJsonDeliveries_Differs(string type)
    {
        var json = WebhookEventDecoder.Decode(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType).Event;

        Assert.NotEqual(FromForm(type).DeduplicationKey, json.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_OfFetchedEvent_IsItsEventId() =>
        Assert.Equal("e:1003", FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2MESSAGEUPDATE")).DeduplicationKey);

    [Fact]
    public void DeduplicationKey_OfFetchedEvent_IgnoresAnyDeliveryHash()
    {
        var fetched = FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2MESSAGEADD"));

        Assert.Equal(fetched.DeduplicationKey, (fetched with { DeliveryHash = "0123" }).DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_OfAnEventBuiltInCode_IsBuiltFromItsIds()
    {
        var built = new MessageDeleted { MessageId = 789 };

        Assert.Null(built.DeliveryHash);
        Assert.Equal("w:ONIMBOTV2MESSAGEDELETE:789", built.DeduplicationKey);
    }

    [Fact]
    public void DeliveryHash_IsNotPartOfTheEventsJson() =>
        Assert.DoesNotContain("deliveryHash", EventSnapshot.Of(FromForm("ONIMBOTV2MESSAGEADD")), StringComparison.OrdinalIgnoreCase);
}
