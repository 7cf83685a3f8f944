using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Bitrix.Tests.Client;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Requests;

public sealed class RawRequestTests
{
    private static JsonObject Lead => new() { ["fields"] = new JsonObject { ["TITLE"] = "Printer", ["OPENED"] = true } };

    [Fact]
    public async Task CallAsync_RawRequest_SendsTheParametersAsWrittenAndReturnsTheResult()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("42");

        var result = await fixture.Client.CallAsync(new RawRequest("crm.lead.add", Lead), CancellationToken.None);

        Assert.Equal(42, result!.GetValue<int>());
        var sent = fixture.Single;
        Assert.EndsWith("/crm.lead.add", sent.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Printer", (string?)sent.Json["fields"]!["TITLE"]);
        Assert.Null(sent.Json["botToken"]); // not an imbot.v2 method
        Assert.Null(sent.Json["dialogId"]);
    }

    [Fact]
    public void RawRequest_ParametersChangedAfterwards_KeepsWhatWasGiven()
    {
        var parameters = Lead;
        var request = new RawRequest("crm.lead.add", parameters);

        parameters["fields"]!["TITLE"] = "changed";

        Assert.Equal("Printer", (string?)request.Parameters["fields"]!["TITLE"]);
    }

    [Theory]
    [InlineData("crm.lead.add?x=1")]
    [InlineData("../crm.lead.add")]
    [InlineData(" ")]
    public void RawRequest_NameThatIsNoMethod_IsRefused(string method) =>
        Assert.ThrowsAny<ArgumentException>(() => new RawRequest(method, null));

    [Fact]
    public async Task CallAsync_RawPageRequest_ReadsNextAndTotalFromTheEnvelope()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.OK, """{"result":[{"ID":"1"},{"ID":"2"}],"next":50,"total":"123"}""");

        var page = await fixture.Client.CallAsync(new RawPageRequest("crm.lead.list", new JsonObject { ["start"] = 0 }), CancellationToken.None);

        Assert.Equal(2, page.Result!.AsArray().Count);
        Assert.Equal(50, page.Next);
        Assert.Equal(123, page.Total);
    }

    [Fact]
    public async Task CallAsync_RawPageRequestOnTheLastPage_HasNoNext()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.OK, """{"result":[{"ID":"1"}],"total":1}""");

        var page = await fixture.Client.CallAsync(new RawPageRequest("crm.lead.list", null), CancellationToken.None);

        Assert.Null(page.Next);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task CallAsync_BatchOfRawCalls_EncodesThemAsQueriesAndReadsResultNextAndTotal()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""
            {"result":{"lead":7,"leads":[{"ID":"7"}]},"result_error":[],"result_total":{"leads":51},"result_next":{"leads":50},"result_time":[]}
            """);
        var batch = new BatchRequest()
            .Add("lead", new RawRequest("crm.lead.add", Lead))
            .Add("leads", new RawPageRequest("crm.lead.list", new JsonObject { ["filter"] = new JsonObject { ["ID"] = "$result[lead]" } }));

        var result = await fixture.Client.CallAsync(batch, CancellationToken.None);

        var cmd = fixture.Single.Json["cmd"]!;
        var lead = (string)cmd["lead"]!;
        Assert.StartsWith("crm.lead.add?", lead, StringComparison.Ordinal);
        Assert.Equal("Y", (string?)PhpForm.Decode(lead[(lead.IndexOf('?', StringComparison.Ordinal) + 1)..])["fields"]!["OPENED"]);
        var leads = (string)cmd["leads"]!;
        Assert.Equal("$result[lead]", (string?)PhpForm.Decode(leads[(leads.IndexOf('?', StringComparison.Ordinal) + 1)..])["filter"]!["ID"]);
        Assert.Equal(7, result.GetResult<JsonNode>("lead").GetValue<int>());
        var page = result.GetResult<RawPage>("leads");
        Assert.Equal((50, 51), (page.Next, page.Total));
    }

    [Fact]
    public void BatchResult_WrittenAndReadBack_KeepsNextAndTotal()
    {
        var json = """{"result":{"a":[1]},"result_error":{"b":{"error":"ACCESS_DENIED","error_description":"no"}},"result_total":{"a":3},"result_next":{"a":1},"result_time":[]}""";
        var read = JsonSerializer.Deserialize<BatchResult>(json, BitrixJson.Options)!;

        var again = JsonSerializer.Deserialize<BatchResult>(JsonSerializer.Serialize(read, BitrixJson.Options), BitrixJson.Options)!;

        Assert.Equal((1, 3), (again.GetResult<RawPage>("a").Next, again.GetResult<RawPage>("a").Total));
        Assert.Equal("ACCESS_DENIED", again.GetError("b")!.Error);
    }

    [Fact]
    public void RawPage_WrittenAndReadBack_IsTheSame()
    {
        var page = new RawPage { Result = new JsonArray(1, 2), Next = 2, Total = 5 };

        var again = JsonSerializer.Deserialize<RawPage>(JsonSerializer.Serialize(page, BitrixJson.Options), BitrixJson.Options)!;

        Assert.Equal((2, 5, "[1,2]"), (again.Next, again.Total, again.Result!.ToJsonString()));
    }
}
