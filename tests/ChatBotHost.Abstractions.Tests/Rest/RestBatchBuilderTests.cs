using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Abstractions.Tests.Rest;

public sealed class RestBatchBuilderTests
{
    [Fact]
    public void Result_WithFields_WritesBitrixReferenceSyntax()
    {
        Assert.Equal("$result[lead]", RestBatch.Result("lead"));
        Assert.Equal("$result[leads][0][ID]", RestBatch.Result("leads", "0", "ID"));
    }

    [Fact]
    public void Add_ReferenceToAnEarlierCommand_IsKeptInThePlaceItWasWritten()
    {
        var batch = new RestBatch()
            .Add("lead", "crm.lead.add", new { fields = new { TITLE = "x" } })
            .Add("task", "tasks.task.add", new { fields = new { TITLE = $"Lead {RestBatch.Result("lead")}" } });

        Assert.Equal(["lead", "task"], batch.Commands.Select(c => c.Name));
        Assert.Equal("Lead $result[lead]", (string?)batch.Commands[1].Parameters["fields"]!["TITLE"]);
    }

    [Theory]
    [InlineData("later")]
    [InlineData("self")]
    public void Add_ReferenceToACommandNotAddedBefore_IsRefused(string target)
    {
        var batch = new RestBatch();

        var error = Assert.Throws<ArgumentException>(() => batch.Add("self", "crm.lead.add", new { ID = RestBatch.Result(target) }));

        Assert.Contains(target, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a[b]", "crm.lead.add")]
    [InlineData(" ", "crm.lead.add")]
    [InlineData("n", "batch")]
    public void Add_BadNameOrNestedBatch_IsRefused(string name, string method) =>
        Assert.ThrowsAny<ArgumentException>(() => new RestBatch().Add(name, method));

    [Fact]
    public void Add_SameNameTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new RestBatch().Add("a", "crm.lead.add").Add("a", "crm.lead.add"));

    [Fact]
    public void RestParameters_AnonymousObject_KeepsNamesExactlyAsWritten()
    {
        var json = RestParameters.From(new { FIELDS = new { TITLE = "x", OPENED = "Y" }, order = new { ID = "DESC" }, empty = (string?)null });

        Assert.Equal("""{"FIELDS":{"TITLE":"x","OPENED":"Y"},"order":{"ID":"DESC"},"empty":null}""", json.ToJsonString());
    }

    [Fact]
    public void RestParameters_JsonObject_IsCopied()
    {
        var given = new JsonObject { ["ID"] = 1 };

        var json = RestParameters.From(given);
        given["ID"] = 2;

        Assert.Equal(1, (int)json["ID"]!);
    }

    [Fact]
    public void RestParameters_NotAnObject_IsRefused() =>
        Assert.Throws<ArgumentException>(() => RestParameters.From(new List<int> { 1, 2 }));

    [Fact]
    public void GetResult_FailedCommand_ThrowsItsErrorAndTypedReadsTheResult()
    {
        var result = new RestBatchResult(
        [
            new RestCommandResult { Name = "ok", Method = "crm.lead.add", Status = RestCommandStatus.Succeeded, Result = JsonValue.Create("5") },
            new RestCommandResult
            {
                Name = "bad", Method = "crm.lead.add", Status = RestCommandStatus.Failed,
                Error = new BitrixApiException("ACCESS_DENIED", "no", System.Net.HttpStatusCode.OK),
            },
        ]);

        Assert.Equal(5, result.GetResult<int>("ok"));
        Assert.Equal("ACCESS_DENIED", Assert.Throws<BitrixApiException>(() => result.GetResult("bad")).Error);
        Assert.False(result.AllSucceeded);
        Assert.Throws<KeyNotFoundException>(() => result["missing"]);
    }
}
