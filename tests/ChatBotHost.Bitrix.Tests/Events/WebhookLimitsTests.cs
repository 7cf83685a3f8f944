using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>
/// A webhook body over the limits is refused by the intake's routing read and by the worker's full decode alike, as
/// an <see cref="EventDecodingException"/> that gives the reason (the intake answers 400 with it) and no value.
/// </summary>
public class WebhookLimitsTests
{
    private const string Form = FixtureFiles.FormContentType;
    private const string Json = FixtureFiles.JsonContentType;

    private const string Genuine = "event=ONIMBOTV2MESSAGEADD&data[bot][id]=9&data[chat][id]=3&data[chat][type]=chat&auth[application_token]=TESTAPPTOKEN";

    // By number, so the test names stay short: the bodies run to megabytes.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RoutingReadAndFullDecode_OfABodyOverTheLimits_RefuseItWithTheReason(int hostile)
    {
        var (body, contentType, reason) = Hostile(hostile);

        var routing = Assert.Throws<EventDecodingException>(() => WebhookRouting.Read(body, contentType));
        var decode = Assert.Throws<EventDecodingException>(() => WebhookEventDecoder.Decode(body, contentType));

        Assert.Equal($"The webhook body is refused: {reason}.", routing.Message);
        Assert.Equal(routing.Message, decode.Message);
        Assert.IsType<PhpFormLimitException>(routing.InnerException);
        Assert.All(FixtureFiles.Secrets, secret => Assert.DoesNotContain(secret, routing.ToString(), StringComparison.Ordinal));
    }

    private static (string Body, string ContentType, string Reason) Hostile(int number) => number switch
    {
        // Deep keys where routing used to stop looking: under data[...], under a key no routing field has, in auth.
        0 => (Genuine + "&data[message][params]" + Levels(2_000_000) + "=1", Form, "a key is nested deeper than 64 levels"),
        1 => (Genuine + "&x" + Levels(65) + "=1", Form, "a key is nested deeper than 64 levels"),
        2 => (Genuine + "&auth%5Bx%5D" + string.Concat(Enumerable.Repeat("%5Ba%5D", 100)) + "=TESTAPPTOKEN", Form, "a key is nested deeper than 64 levels"),
        3 => (Genuine + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"&data[pad][{i.ToString(CultureInfo.InvariantCulture)}]=1")), Form, "more than 10000 keys"),
        4 => ("{\"event\":\"ONIMBOTV2MESSAGEADD\",\"data\":" + new string('[', 1_000_000) + new string(']', 1_000_000) + "}", Json, "a key is nested deeper than 64 levels"),
        _ => ("{\"event\":\"ONIMBOTV2MESSAGEADD\",\"data\":{\"bot\":{\"id\":1},\"pad\":[" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "]}}", Json, "more than 10000 keys"),
    };

    [Theory]
    [MemberData(nameof(EventTypesAndContentTypes))]
    public void RoutingReadAndFullDecode_OfEveryRealFixture_StayWithinTheLimits(string type, string contentType)
    {
        var body = contentType == Form ? FixtureFiles.WebhookForm(type) : FixtureFiles.WebhookJson(type);

        WebhookRoutingTests.AssertAgrees(body, contentType);
    }

    [Fact]
    public void FetchDecode_OfAnEventWithTooManyValues_IsRefusedWithTheReason()
    {
        var pad = string.Join(',', Enumerable.Repeat("0", 20_000));
        using var document = JsonDocument.Parse(
            "{\"eventId\":1,\"type\":\"ONIMBOTV2MESSAGEADD\",\"date\":\"2025-01-15T10:30:00+02:00\",\"data\":{\"bot\":{\"id\":1},\"pad\":[" + pad + "]}}");

        var error = Assert.Throws<EventDecodingException>(() => FetchEventDecoder.Decode(document.RootElement));

        Assert.Equal("A fetched event is refused: more than 10000 keys.", error.Message);
    }

    public static TheoryData<string, string> EventTypesAndContentTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in FixtureFiles.AllTypes)
        {
            data.Add(type, Form);
            data.Add(type, Json);
        }

        return data;
    }

    private static string Levels(int count) => new StringBuilder(3 * count).Insert(0, "[a]", count).ToString();
}
