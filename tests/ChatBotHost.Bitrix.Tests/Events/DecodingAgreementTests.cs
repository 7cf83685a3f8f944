using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class DecodingAgreementTests
{
    public static TheoryData<string> EventTypes => FixtureFiles.EventTypes;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Decode_FormAndJsonWebhookOfOneEvent_YieldEqualEvents(string type)
    {
        var form = WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType);
        var json = WebhookEventDecoder.Decode(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType);

        // The key differs by design: it names the delivery (a hash of its body), and these are two bodies.
        Assert.Equal(form.Event.GetType(), json.Event.GetType());
        Assert.Equal(EventSnapshot.Of(form.Event, "deduplicationKey"), EventSnapshot.Of(json.Event, "deduplicationKey"));
        Assert.Equal(form.Auth, json.Auth);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Decode_FetchAndWebhookOfOneEvent_AgreeOnSharedFields(string type)
    {
        var fetched = FetchEventDecoder.Decode(FixtureFiles.Fetch(type));
        var posted = WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType).Event;

        Assert.Equal(fetched.GetType(), posted.GetType());
        Assert.Equal(fetched.Type, posted.Type);
        Assert.Equal(fetched.Date, posted.Date);
        Assert.Equal(fetched.Bot.Id, posted.Bot.Id);
        Assert.Equal(fetched.Bot.Code, posted.Bot.Code);
        Assert.Equal(fetched.DialogId, posted.DialogId);

        // Transport fields differ by design: the source, the eventId and the key built from it, the bot's extended
        // form (fetch) versus its auth block (webhook), and the date's offset (ISO with +02:00 versus unix ts).
        string[] transport = ["source", "eventId", "deduplicationKey", "bot", "date"];
        Assert.Equal(EventSnapshot.Of(fetched, transport), EventSnapshot.Of(posted, transport));
    }
}
