using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class BatchReferenceTests : EmulatorTest
{
    [Fact]
    public async Task Reference_ToAnEarlierResult_IsSubstituted()
    {
        var batch = await BatchAsync(new JsonObject
        {
            ["lead"] = "crm.lead.add?fields[TITLE]=Referenced",
            ["task"] = "tasks.task.add?fields[TITLE]=Call lead $result[lead]&fields[DESCRIPTION]=$result[lead]",
        });

        Assert.Empty(batch["result_error"]!.AsArray());
        var task = Assert.Single(Portal.GetTasks());
        Assert.Equal(("Call lead 1", "1"), (task.Title, task.Description));
    }

    [Fact]
    public async Task Reference_WithFieldsAndIndexes_ReachesIntoObjectsAndLists()
    {
        var eve = Portal.AddUser("Eve", "Stone");

        await BatchAsync(new JsonObject
        {
            ["me"] = "user.current",
            ["people"] = $"user.get?ID={eve.Id}",
            ["task"] = "tasks.task.add?fields[TITLE]=$result[me][NAME]&fields[RESPONSIBLE_ID]=$result[people][0][ID]",
            ["again"] = "tasks.task.get?taskId=$result[task][task][id]",
        });

        var task = Assert.Single(Portal.GetTasks());
        Assert.Equal(("John", eve.Id), (task.Title, task.ResponsibleId));
    }

    [Fact]
    public async Task Reference_UrlEncodedInsideTheCommand_IsSubstitutedToo()
    {
        await BatchAsync(new JsonObject
        {
            ["lead"] = "crm.lead.add?fields[TITLE]=L",
            ["task"] = "tasks.task.add?fields%5BTITLE%5D=%24result%5Blead%5D",
        });

        Assert.Equal("1", Assert.Single(Portal.GetTasks()).Title);
    }

    [Fact]
    public async Task Reference_ToAFailedCommand_StaysAsWritten()
    {
        var batch = await BatchAsync(new JsonObject
        {
            ["broken"] = "tasks.task.add?fields[DESCRIPTION]=no title",
            ["task"] = "tasks.task.add?fields[TITLE]=After $result[broken][task][id]",
        });

        Assert.Equal("ERROR_CORE", batch["result_error"]!["broken"]!["error"]!.GetValue<string>());
        Assert.Equal("After $result[broken][task][id]", Assert.Single(Portal.GetTasks()).Title);
    }

    private async Task<JsonNode> BatchAsync(JsonObject commands) =>
        (await Client.CallAsync("batch", new JsonObject { ["halt"] = 0, ["cmd"] = commands })).Ok();
}
