using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Tests.Rest;

public sealed class RestBatchTests
{
    private static RestBatch Leads(int count, bool halt = false)
    {
        var batch = new RestBatch { Halt = halt };
        for (var i = 0; i < count; i++)
        {
            batch.Add($"l{i}", "crm.lead.add", new { fields = new { TITLE = $"lead {i}" } });
        }

        return batch;
    }

    [Fact]
    public async Task BatchAsync_SixtyCommands_GoAsTwoRequestsInOrder()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);

        var result = await bed.Rest().BatchAsync(Leads(60), CancellationToken.None);

        Assert.Equal([50, 10], portal.Requests.Select(r => r.Commands.Count));
        Assert.All(portal.Requests, r => Assert.True(r.IsBatch));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"l{i}"), portal.Commands.Select(c => c.Name));
        Assert.True(result.AllSucceeded);
        Assert.Equal(Enumerable.Range(101, 60), result.Commands.Select(c => c.Result!.GetValue<int>()));
    }

    [Fact]
    public async Task BatchAsync_ReferenceToACommandOfAnEarlierRequest_IsFilledInByTheHost()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);
        var batch = Leads(50)
            .Add("list", "crm.lead.list", new { filter = new { ID = RestBatch.Result("l49") } })
            .Add("same", "crm.lead.add", new { fields = new { TITLE = $"after {RestBatch.Result("list", "0", "ID")}", SOURCE = RestBatch.Result("l0") } });

        var result = await bed.Rest().BatchAsync(batch, CancellationToken.None);

        var second = portal.Requests[1].Commands;
        Assert.Equal("150", (string?)second[0].Parameters["filter"]!["ID"]); // l49's result, filled in by the host
        Assert.Equal("101", (string?)second[1].Parameters["fields"]!["SOURCE"]); // l0 went in the first request too
        Assert.Equal("after $result[list][0][ID]", (string?)second[1].Parameters["fields"]!["TITLE"]); // same request: the portal's job
        Assert.True(result.AllSucceeded);
        Assert.Equal((50, 120), (result["list"].Next, result["list"].Total));
    }

    [Fact]
    public async Task BatchAsync_ReferenceToAFailedCommand_FailsThatCommandWithoutSendingIt()
    {
        var portal = new RestPortal { Script = (m, p) => m == "crm.lead.add" && (string?)p["fields"]?["TITLE"] == "bad" ? (null, "ACCESS_DENIED") : null };
        await using var bed = new RestBed(portal);
        var batch = new RestBatch()
            .Add("bad", "crm.lead.add", new { fields = new { TITLE = "bad" } })
            .Add("task", "tasks.task.add", new { fields = new { TITLE = "x", UF_LEAD = RestBatch.Result("bad") } })
            .Add("fine", "crm.lead.add", new { fields = new { TITLE = "fine" } });

        var result = await bed.Rest(maxPerRequest: 1).BatchAsync(batch, CancellationToken.None);

        Assert.Equal("ACCESS_DENIED", result["bad"].Error!.Error);
        Assert.Equal((RestCommandStatus.Failed, RestErrors.UnresolvedReference), (result["task"].Status, result["task"].Error!.Error));
        Assert.Equal(RestCommandStatus.Succeeded, result["fine"].Status);
        Assert.DoesNotContain(portal.Commands, c => c.Method == "tasks.task.add");
        Assert.Throws<BitrixApiException>(() => result.GetResult("task"));
    }

    [Fact]
    public async Task BatchAsync_MethodRefusedInsideABatch_IsSentOnItsOwn()
    {
        var portal = new RestPortal();
        portal.NotInBatch.Add("disk.folder.uploadfile");
        await using var bed = new RestBed(portal);
        var batch = Leads(2).Add("upload", "disk.folder.uploadfile", new { id = 5 }).Add("after", "crm.lead.add", null);

        var result = await bed.Rest().BatchAsync(batch, CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(["batch", "disk.folder.uploadfile"], portal.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task BatchAsync_HaltedAtAMethodRefusedInsideABatch_SendsItAloneAndGoesOnWithTheRest()
    {
        var portal = new RestPortal();
        portal.NotInBatch.Add("disk.folder.uploadfile");
        await using var bed = new RestBed(portal);
        var batch = new RestBatch { Halt = true }.Add("upload", "disk.folder.uploadfile", null).Add("after", "crm.lead.add", null);

        var result = await bed.Rest().BatchAsync(batch, CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(["batch", "disk.folder.uploadfile", "batch"], portal.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task BatchAsync_BatchLengthExceeded_HalvesTheRequestsUntilThePortalTakesThem()
    {
        var portal = new RestPortal { MaxBatchLength = 20 };
        await using var bed = new RestBed(portal);

        var result = await bed.Rest().BatchAsync(Leads(50), CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal([50, 25, 12, 12, 12, 12, 2], portal.Requests.Select(r => r.Commands.Count));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"l{i}"), portal.Requests.Skip(2).SelectMany(r => r.Commands).Select(c => c.Name));
    }

    [Fact]
    public async Task BatchAsync_Halt_StopsAtTheFirstFailureAndLaterCommandsNeverRun()
    {
        var portal = new RestPortal { Script = (m, p) => (string?)p["fields"]?["TITLE"] == "lead 3" ? (null, "ACCESS_DENIED") : null };
        await using var bed = new RestBed(portal);

        var result = await bed.Rest().BatchAsync(Leads(60, halt: true), CancellationToken.None);

        Assert.Single(portal.Requests);
        Assert.True(portal.Requests[0].Halt);
        Assert.Equal(
            [.. Enumerable.Repeat(RestCommandStatus.Succeeded, 3), RestCommandStatus.Failed, .. Enumerable.Repeat(RestCommandStatus.NotRun, 56)],
            result.Commands.Select(c => c.Status));
        Assert.Throws<InvalidOperationException>(() => result.GetResult("l4"));
    }

    [Fact]
    public async Task BatchAsync_WithoutHalt_RunsEveryCommandAndReportsEachFailure()
    {
        var portal = new RestPortal { Script = (m, p) => (string?)p["fields"]?["TITLE"] == "lead 3" ? (null, BitrixErrors.MethodConfirmWaiting) : null };
        await using var bed = new RestBed(portal);

        var result = await bed.Rest().BatchAsync(Leads(5), CancellationToken.None);

        Assert.IsType<MethodConfirmWaitingException>(result["l3"].Error);
        Assert.Equal(4, result.Commands.Count(c => c.Status == RestCommandStatus.Succeeded));
    }

    [Fact]
    public async Task BatchAsync_RequestRefusedAsAWhole_FailsItsCommandsAndStopsWithoutThrowing()
    {
        var portal = new RestPortal { RefuseRequests = ("INVALID_CREDENTIALS", HttpStatusCode.Forbidden) };
        await using var bed = new RestBed(portal);

        var result = await bed.Rest().BatchAsync(Leads(60), CancellationToken.None);

        Assert.Single(portal.Requests);
        Assert.All(result.Commands.Take(50), c => Assert.Equal("INVALID_CREDENTIALS", c.Error!.Error));
        Assert.All(result.Commands.Skip(50), c => Assert.Equal(RestCommandStatus.NotRun, c.Status));
    }

    [Fact]
    public async Task BatchAsync_RunAgainInTheSameScope_ReturnsTheRecordedResultsWithoutSending()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);

        var first = await bed.Rest("evt:7").BatchAsync(Leads(60), CancellationToken.None);
        var again = await bed.Rest("evt:7").BatchAsync(Leads(60), CancellationToken.None);

        Assert.Equal(2, portal.Requests.Count);
        Assert.Equal(first.Commands.Select(c => c.Result!.ToJsonString()), again.Commands.Select(c => c.Result!.ToJsonString()));
    }

    [Fact]
    public async Task BatchAsync_OnlyReads_IsNotKeyedAndRunsAgain()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);
        var batch = new RestBatch().Add("a", "crm.lead.list", null).Add("b", "user.current", null);

        await bed.Rest("evt:7").BatchAsync(batch, CancellationToken.None);
        await bed.Rest("evt:7").BatchAsync(batch, CancellationToken.None);

        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task BatchAsync_MaxOneCommandPerRequest_SendsEachAloneWithReferencesFilledIn()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);
        var batch = new RestBatch().Add("lead", "crm.lead.add", null).Add("task", "tasks.task.add", new { fields = new { UF_CRM_TASK = new JsonArray($"L_{RestBatch.Result("lead")}") } });

        var result = await bed.Rest(maxPerRequest: 1).BatchAsync(batch, CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(["crm.lead.add", "tasks.task.add"], portal.Requests.Select(r => r.Method));
        Assert.Equal("L_101", (string?)portal.Requests[1].Commands[0].Parameters["fields"]!["UF_CRM_TASK"]![0]);
    }
}
