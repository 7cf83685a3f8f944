using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class LeadMethodTests : EmulatorTest
{
    [Fact]
    public async Task LeadAdd_AnswersTheNewIdAsANumber_AndStoresScalarsAsText()
    {
        var answer = await Client.CallAsync("crm.lead.add", new JsonObject
        {
            ["fields"] = new JsonObject { ["TITLE"] = "Website form", ["OPPORTUNITY"] = 15000, ["NAME"] = "Ann" },
        });

        Assert.Equal("1", answer.Ok().ToJsonString());
        var lead = Assert.Single(Portal.GetLeads());
        Assert.Equal(("Website form", "15000", "NEW"), (lead.Title, lead.Fields["OPPORTUNITY"], lead.Fields["STATUS_ID"]));
    }

    [Fact]
    public async Task LeadList_PagesOf50_NextOnlyWhileMoreFollow_TotalAlways()
    {
        await AddLeadsAsync(120);

        var first = await Client.CallAsync("crm.lead.list");
        var last = await Client.CallAsync("crm.lead.list", new JsonObject { ["start"] = 100 });

        Assert.Equal((50, 50, 120), (first.Ok().AsArray().Count, first.Body["next"]!.GetValue<int>(), first.Body["total"]!.GetValue<int>()));
        Assert.Equal("1", first.Ok()[0]!["ID"]!.GetValue<string>());
        Assert.Equal(20, last.Ok().AsArray().Count);
        Assert.Null(last.Body["next"]);
        Assert.Equal(120, last.Body["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task LeadList_FilterSelectOrder()
    {
        await AddLeadsAsync(6);

        var answer = await Client.CallAsync("crm.lead.list", new JsonObject
        {
            ["filter"] = new JsonObject { ["STATUS_ID"] = "IN_PROCESS" },
            ["select"] = new JsonArray("TITLE"),
            ["order"] = new JsonObject { ["ID"] = "DESC" },
        });

        var rows = answer.Ok().AsArray();
        Assert.Equal(["Lead 6", "Lead 4", "Lead 2"], rows.Select(r => r!["TITLE"]!.GetValue<string>()));
        Assert.Equal(["ID", "TITLE"], rows[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(3, answer.Body["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task LeadList_InsideBatch_PagingIsResultNextAndResultTotalPerCommand()
    {
        await AddLeadsAsync(70);

        var batch = (await Client.CallAsync("batch", new JsonObject
        {
            ["halt"] = 0,
            ["cmd"] = new JsonObject
            {
                ["page1"] = "crm.lead.list?select[]=ID",
                ["page2"] = "crm.lead.list?select[]=ID&start=50",
                ["me"] = "user.current",
            },
        })).Ok();

        Assert.Equal("""{"page1":50}""", batch["result_next"]!.ToJsonString());
        Assert.Equal("""{"page1":70,"page2":70}""", batch["result_total"]!.ToJsonString());
        Assert.Equal(20, batch["result"]!["page2"]!.AsArray().Count);
    }

    private async Task AddLeadsAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var fields = new JsonObject
            {
                ["TITLE"] = "Lead " + i.ToString(CultureInfo.InvariantCulture),
                ["STATUS_ID"] = i % 2 == 0 ? "IN_PROCESS" : "NEW",
            };
            (await Client.CallAsync("crm.lead.add", new JsonObject { ["fields"] = fields })).Ok();
        }
    }
}
