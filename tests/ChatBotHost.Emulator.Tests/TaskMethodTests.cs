using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class TaskMethodTests : EmulatorTest
{
    [Fact]
    public async Task TaskAdd_AnswersTheTaskWithStringIds_AndKeepsIt()
    {
        var eve = Portal.AddUser("Eve", "Stone");

        var answer = await Client.CallAsync("tasks.task.add", new JsonObject
        {
            ["fields"] = new JsonObject { ["TITLE"] = "Printer jammed", ["DESCRIPTION"] = "Priority: high", ["RESPONSIBLE_ID"] = eve.Id },
        });

        var task = answer.Ok()["task"]!;
        Assert.Equal("1", task["id"]!.GetValue<string>());
        Assert.Equal(("Printer jammed", "Priority: high", "2"), (task["title"]!.GetValue<string>(), task["description"]!.GetValue<string>(), task["status"]!.GetValue<string>()));
        Assert.Equal(eve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), task["responsibleId"]!.GetValue<string>());
        Assert.Equal("1", task["createdBy"]!.GetValue<string>());
        Assert.NotNull(task["createdDate"]!.GetValue<string>());
        var kept = Assert.Single(Portal.GetTasks());
        Assert.Equal((1, "Printer jammed", eve.Id, Admin), (kept.Id, kept.Title, kept.ResponsibleId, kept.CreatedBy));
    }

    [Fact]
    public async Task TaskAdd_FromForm_DefaultsResponsibleToTheCaller()
    {
        var answer = await Client.CallFormAsync("tasks.task.add", "fields%5BTITLE%5D=From+a+form");

        Assert.Equal("1", answer.Ok()["task"]!["responsibleId"]!.GetValue<string>());
        Assert.Equal("From a form", Assert.Single(Portal.GetTasks()).Title);
    }

    [Fact]
    public async Task TaskAdd_WithoutTitle_Answers400ErrorCore_WithoutFields_Error100()
    {
        var noTitle = await Client.CallAsync("tasks.task.add", new JsonObject { ["fields"] = new JsonObject { ["DESCRIPTION"] = "x" } });
        var noFields = await Client.CallAsync("tasks.task.add");
        var unknownResponsible = await Client.CallAsync("tasks.task.add", new JsonObject
        {
            ["fields"] = new JsonObject { ["TITLE"] = "t", ["RESPONSIBLE_ID"] = 999 },
        });

        Assert.Equal((400, "ERROR_CORE"), (noTitle.Status, noTitle.Error));
        Assert.Equal((400, "100"), (noFields.Status, noFields.Error));
        Assert.Equal((400, "ERROR_CORE"), (unknownResponsible.Status, unknownResponsible.Error));
        Assert.Empty(Portal.GetTasks());
    }

    [Fact]
    public async Task TaskGet_AnswersTheSameShape_UnknownIdAnswersEmptyResult()
    {
        var added = (await Client.CallAsync("tasks.task.add", new JsonObject { ["fields"] = new JsonObject { ["TITLE"] = "T" } })).Ok();

        var got = await Client.CallAsync("tasks.task.get", new JsonObject { ["taskId"] = 1 });
        var unknown = await Client.CallAsync("tasks.task.get", new JsonObject { ["taskId"] = 42 });
        var missing = await Client.CallAsync("tasks.task.get");

        Assert.Equal(added.ToJsonString(), got.Ok().ToJsonString());
        Assert.Equal("[]", unknown.Ok().ToJsonString());
        Assert.Equal((400, "100"), (missing.Status, missing.Error));
    }
}
