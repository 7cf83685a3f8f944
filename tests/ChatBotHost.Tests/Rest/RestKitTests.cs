using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Rest;

/// <summary>The bot authors' test kit scripts answers to methods called by name and shows the calls made.</summary>
public sealed class RestKitTests
{
    [Fact]
    public async Task Conversation_HandlerAddsALead_GetsTheScriptedAnswerAndTheCallIsRecorded()
    {
        await using var host = DialogTestHost.Create(
            bot => bot.Command("lead", "New lead", async (_, turn, ct) =>
            {
                var id = await turn.Rest.CallAsync<int>("crm.lead.add", new { fields = new { TITLE = "Printer" } }, ct);
                await turn.ReplyAsync($"Lead {id} created", ct);
            }),
            options => options.Rest.Answer("crm.lead.add", JsonValue.Create(42)));

        await host.Conversation().Command("/lead").ExpectReply("Lead 42 created");

        var call = Assert.Single(host.RestCalls);
        Assert.Equal(("crm.lead.add", "Printer"), (call.Method, (string?)call.Parameters["fields"]!["TITLE"]));
        Assert.Contains("crm.lead.add", host.Calls);
    }

    [Fact]
    public async Task Conversation_HandlerListsLeads_PagesThroughTheScriptedList()
    {
        var leads = Enumerable.Range(1, 120).Select(i => (JsonNode)new JsonObject { ["ID"] = i });
        await using var host = DialogTestHost.Create(
            bot => bot.Command("count", "Count leads", async (_, turn, ct) =>
                await turn.ReplyAsync($"{await turn.Rest.ListAsync("crm.lead.list", null, ct).CountAsync(ct)} leads", ct)),
            options => options.Rest.AnswerList("crm.lead.list", leads));

        await host.Conversation().Command("/count").ExpectReply("120 leads");

        Assert.Equal(3, host.RestCalls.Count);
    }

    [Fact]
    public async Task Conversation_MethodScriptedToWaitForTheAdministrator_HandlerSeesTheTypedException()
    {
        await using var host = DialogTestHost.Create(
            bot => bot.Command("task", "New task", async (_, turn, ct) =>
            {
                try
                {
                    await turn.Rest.CallAsync("tasks.task.add", new { fields = new { TITLE = "x" } }, ct);
                }
                catch (MethodConfirmWaitingException)
                {
                    await turn.ReplyAsync("waiting for the administrator", ct);
                }
            }),
            options => options.Rest.Fail("tasks.task.add", BitrixErrors.MethodConfirmWaiting, HttpStatusCode.Unauthorized));

        await host.Conversation().Command("/task").ExpectReply("waiting for the administrator");
    }

    [Fact]
    public async Task Conversation_HandlerRunsABatch_EachCommandIsAnsweredWithReferencesFilledIn()
    {
        await using var host = DialogTestHost.Create(
            bot => bot.Command("both", "Lead and task", async (_, turn, ct) =>
            {
                var batch = new RestBatch()
                    .Add("lead", "crm.lead.add", null)
                    .Add("task", "tasks.task.add", new { fields = new { TITLE = $"Call lead {RestBatch.Result("lead")}" } });
                var result = await turn.Rest.BatchAsync(batch, ct);
                await turn.ReplyAsync($"task {result.GetResult("task")!["task"]!["id"]}", ct);
            }),
            options => options.Rest
                .Answer("crm.lead.add", JsonValue.Create(7))
                .Answer("tasks.task.add", p => new JsonObject { ["task"] = new JsonObject { ["id"] = "70", ["title"] = p["fields"]!["TITLE"]!.DeepClone() } }));

        await host.Conversation().Command("/both").ExpectReply("task 70");

        Assert.Equal("Call lead 7", (string?)host.RestCalls[1].Parameters["fields"]!["TITLE"]);
    }

    [Fact]
    public async Task Conversation_MethodWithoutAnAnswer_FailsTheTestNamingIt()
    {
        await using var host = DialogTestHost.Create(bot => bot.Command("lead", "New lead", (_, turn, ct) => turn.Rest.CallAsync("crm.lead.add", null, ct)));

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(async () => await host.Conversation().Command("/lead"));

        Assert.Contains("crm.lead.add", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_OutsideATurn_TheFactoryCallsTheKitPortalAsTheBot()
    {
        await using var host = DialogTestHost.Create(_ => { }, options => options.Rest.Answer("user.current", new JsonObject { ["ID"] = "1" }));
        var factory = host.Services.GetRequiredService<IBitrixRestFactory>();

        var user = await factory.ForWebhookPortal().CallAsync("user.current", null, CancellationToken.None);

        Assert.Equal("1", (string?)user!["ID"]);
        Assert.Empty(factory.ApplicationPortals);
    }
}
