using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Inbox;

namespace ChatBotHost.Tests.Inbox;

public sealed class EventPayloadScrubberTests
{
    [Fact]
    public void WithoutSecrets_FormBody_DropsEveryPairWhoseKeyNamesASecretAtAnyLevel()
    {
        const string body = "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=4&data%5Bbot%5D%5Bauth%5D%5Baccess_token%5D=secret1"
            + "&data%5Bmessage%5D%5Btext%5D=auth%5Bx%5D&auth%5Bapplication_token%5D=secret2&auth[domain]=p.example&ts=1"
            + "&data[user][REFRESH_TOKEN]=secret3&data%5Bx%5D%5BAuth%5D=secret4&data[x][y][application_token]=secret5";

        var cleaned = EventPayloadScrubber.WithoutSecrets(body);

        Assert.Equal("event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=4&data%5Bmessage%5D%5Btext%5D=auth%5Bx%5D&ts=1", cleaned);
    }

    [Fact]
    public void WithoutSecrets_FetchedEventJson_DropsTheAuthBlocksAndTokensAndKeepsTheRestExactly()
    {
        const string fetched = """
            {"eventId":9007199254740993,"type":"ONIMBOTV2MESSAGEADD","date":"2025-01-15T10:31:00+02:00","data":{
             "bot":{"id":456,"code":"support_bot","auth":{"access_token":"secret1","refresh_token":"secret2","expires":1.5e9}},
             "message":{"id":789,"text":"Привет \"bot\" access_token","params":{"list":[1,true,null,{"application_token":"secret3"}]}},
             "user":{"id":1,"Access_Token":"secret4"}},"auth":{"application_token":"secret5"}}
            """;

        var cleaned = EventPayloadScrubber.WithoutSecrets(fetched);

        Assert.DoesNotContain("secret", cleaned, StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {"eventId":9007199254740993,"type":"ONIMBOTV2MESSAGEADD","date":"2025-01-15T10:31:00+02:00","data":{
             "bot":{"id":456,"code":"support_bot"},
             "message":{"id":789,"text":"Привет \"bot\" access_token","params":{"list":[1,true,null,{}]}},
             "user":{"id":1}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(cleaned)), cleaned);
        Assert.Contains("9007199254740993", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutSecrets_JsonNestedFarDeeperThanAnyEvent_AnswersQuicklyWithoutOverflowingTheStack()
    {
        const int depth = 200_000;
        var json = new StringBuilder().Append('[', depth).Append(']', depth).ToString();
        var form = "x" + string.Concat(Enumerable.Repeat("%5Ba%5D", depth)) + "%5Baccess_token%5D=secret";
        var watch = Stopwatch.StartNew();

        Assert.Equal("", EventPayloadScrubber.WithoutSecrets(json));
        Assert.Equal("", EventPayloadScrubber.WithoutSecrets(form));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void WithoutSecrets_ASecretUnderManyLevels_IsRemovedAndTheLevelsKept()
    {
        const int depth = 900;
        var json = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "{\"auth\":{\"access_token\":\"secret\"},\"k\":1}" + new string('}', depth);

        var cleaned = EventPayloadScrubber.WithoutSecrets(json);

        Assert.Equal(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "{\"k\":1}" + new string('}', depth), cleaned);
    }

    [Theory]
    [InlineData("""{"auth":{"application_token":"secret" """)]
    [InlineData("""{"a":1} {"auth":"secret"}""")]
    [InlineData("""{"a":"\uD800","auth":"secret"}""")]
    public void WithoutSecrets_JsonThatCannotBeRead_KeepsNothing(string json)
    {
        Assert.Equal("", EventPayloadScrubber.WithoutSecrets(json));
    }
}
