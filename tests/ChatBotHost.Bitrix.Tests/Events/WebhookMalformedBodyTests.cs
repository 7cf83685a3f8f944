using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class WebhookMalformedBodyTests
{
    private const string Form = FixtureFiles.FormContentType;
    private const string Json = FixtureFiles.JsonContentType;
    // Appended to every form body, so the test sees that a token next to a bad field never reaches the message.
    private const string Auth = "&auth[application_token]=TESTAPPTOKEN";

    [Theory]
    [InlineData("", Form, "event")]
    [InlineData("data[bot][id]=1", Form, "event")]
    [InlineData("event=&data[bot][id]=1", Form, "event")]
    [InlineData("event=ONIMBOTV2MESSAGEADD", Form, "data")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data=oops", Form, "data")]
    [InlineData("event[x]=1&data[bot][id]=1", Form, "event")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[message][id]=abc", Form, "data.message.id")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[message]=abc", Form, "data.message")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[bot][id]=x", Form, "data.bot.id")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[user][active]=maybe", Form, "data.user.active")]
    [InlineData("event=ONIMBOTV2MESSAGEDELETE&data[messageId]=7x", Form, "data.messageId")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[bot][id]=1&ts=soon", Form, "ts")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data[bot][id]=x&data[bot][auth][access_token]=FAKEACCESSTOKEN1", Form, "data.bot.id")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","data":{"bot":{"id":1}},"auth":"TESTAPPTOKEN"}""", Json, "auth")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","data":"oops"}""", Json, "data")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","data":null}""", Json, "data")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","data":{"message":{"date":"not a date"}}}""", Json, "data.message.date")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","data":{"chat":{"textFieldEnabled":"X"}}}""", Json, "data.chat.textFieldEnabled")]
    [InlineData("""{"event":{"a":1},"data":{}}""", Json, "event")]
    public void Decode_MalformedField_ThrowsNamingTheFieldNotTheValue(string body, string contentType, string field)
    {
        var exception = Assert.Throws<EventDecodingException>(() => WebhookEventDecoder.Decode(body + (contentType == Form ? Auth : ""), contentType));

        Assert.Equal(field, exception.Field);
        Assert.Contains($"'{field}'", exception.Message, StringComparison.Ordinal);
        Assert.All(FixtureFiles.Secrets, secret => Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"event\":\"ONIMBOTV2MESSAGEADD\",\"auth\":{\"application_token\":\"TESTAPPTOKEN\"")]
    [InlineData("[{\"event\":\"ONIMBOTV2MESSAGEADD\"}]")]
    [InlineData("\"TESTAPPTOKEN\"")]
    [InlineData("{\"event\":\"ONIMBOTV2MESSAGEADD\",\"event\":\"X\",\"data\":{\"bot\":{\"id\":1}},\"auth\":{\"application_token\":\"TESTAPPTOKEN\"}}")]
    [InlineData("{\"event\":\"ONIMBOTV2MESSAGEADD\",\"data\":{\"bot\":{\"id\":1,\"id\":2}},\"auth\":{\"application_token\":\"TESTAPPTOKEN\"}}")]
    public void Decode_UnparseableOrNonObjectJson_Throws(string body)
    {
        var exception = Assert.Throws<EventDecodingException>(() => WebhookEventDecoder.Decode(body, Json));
        Assert.Throws<EventDecodingException>(() => WebhookRouting.Read(body, Json));

        Assert.Null(exception.Field);
        Assert.All(FixtureFiles.Secrets, secret => Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal));
    }
}
