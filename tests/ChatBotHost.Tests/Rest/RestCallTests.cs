using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Tests.Rest;

public sealed class RestCallTests
{
    [Fact]
    public async Task CallAsync_AnyMethod_SendsItsParametersAsWrittenAndReturnsTheResult()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);

        var id = await bed.Rest().CallAsync("crm.lead.add", new { fields = new { TITLE = "Printer" } }, CancellationToken.None);

        Assert.Equal(101, id!.GetValue<int>());
        var sent = Assert.Single(portal.Commands);
        Assert.Equal(("crm.lead.add", "Printer"), (sent.Method, (string?)sent.Parameters["fields"]!["TITLE"]));
    }

    [Fact]
    public async Task CallAsyncOfT_ReadsTheResultAsTheType()
    {
        var portal = new RestPortal { Script = (m, _) => m == "user.current" ? (new JsonObject { ["ID"] = "1", ["NAME"] = "John" }, null) : null };
        await using var bed = new RestBed(portal);

        var user = await bed.Rest().CallAsync<PortalUser>("user.current", null, CancellationToken.None);

        Assert.Equal(new PortalUser(1, "John"), user);
    }

    [Fact]
    public async Task CallAsync_PortalRefuses_ThrowsItsCodeAndWaitingForTheAdministratorAsItsOwnType()
    {
        var portal = new RestPortal
        {
            Script = (m, _) => m switch
            {
                "crm.lead.add" => (null, "ACCESS_DENIED"),
                "tasks.task.add" => (null, BitrixErrors.MethodConfirmWaiting),
                _ => null,
            },
        };
        await using var bed = new RestBed(portal);

        var denied = await Assert.ThrowsAsync<BitrixApiException>(() => bed.Rest().CallAsync("crm.lead.add", null, CancellationToken.None));
        await Assert.ThrowsAsync<MethodConfirmWaitingException>(() => bed.Rest().CallAsync("tasks.task.add", null, CancellationToken.None));

        Assert.Equal("ACCESS_DENIED", denied.Error);
    }

    [Fact]
    public async Task CallAsync_SameEffectInASecondRunOfTheSameScope_IsNotSentAgain()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);

        var first = await bed.Rest("evt:1").CallAsync("crm.lead.add", null, CancellationToken.None);
        var again = await bed.Rest("evt:1").CallAsync("crm.lead.add", null, CancellationToken.None);
        var other = await bed.Rest("evt:2").CallAsync("crm.lead.add", null, CancellationToken.None);

        Assert.Equal(first!.GetValue<int>(), again!.GetValue<int>());
        Assert.NotEqual(first.GetValue<int>(), other!.GetValue<int>());
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_ReadsAndUnscopedEffects_AreSentEveryTime()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);

        await bed.Rest("evt:1").CallAsync("crm.lead.get", new { id = 1 }, CancellationToken.None);
        await bed.Rest("evt:1").CallAsync("crm.lead.get", new { id = 1 }, CancellationToken.None);
        await bed.Rest(scope: null).CallAsync("crm.lead.add", null, CancellationToken.None);
        await bed.Rest(scope: null).CallAsync("crm.lead.add", null, CancellationToken.None);

        Assert.Equal(4, portal.Requests.Count);
    }

    [Fact]
    public async Task ListAsync_PagesWithStartUntilTheLastPage()
    {
        var portal = new RestPortal { Leads = 120 };
        await using var bed = new RestBed(portal);

        var leads = await bed.Rest().ListAsync("crm.lead.list", new JsonObject { ["select"] = new JsonArray("ID") }, CancellationToken.None).ToListAsync();

        Assert.Equal(120, leads.Count);
        Assert.Equal(["0", "50", "100"], portal.Commands.Select(c => c.Parameters["start"]!.ToString()));
        Assert.Equal("120", (string?)leads[^1]["ID"]);
    }

    [Fact]
    public async Task ListAsync_PortalAnsweringANextThatDoesNotMoveOn_Stops()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);
        var rest = new RepeatingPages(bed.Rest());

        var items = await rest.ListAsync("crm.lead.list", null, CancellationToken.None).ToListAsync();

        Assert.Equal(2, items.Count);
        Assert.Equal(2, rest.Pages);
    }

    private sealed record PortalUser(int Id, string Name);

    /// <summary>A portal that keeps answering next = 1: page 0, then page 1 again and again.</summary>
    private sealed class RepeatingPages(IBitrixRest inner) : IBitrixRest
    {
        public int Pages { get; private set; }

        public Task<JsonNode?> CallAsync(string method, object? parameters, CancellationToken cancellationToken) =>
            inner.CallAsync(method, parameters, cancellationToken);

        public Task<Bitrix.Requests.Raw.RawPage> CallPageAsync(string method, object? parameters, CancellationToken cancellationToken)
        {
            Pages++;
            return Task.FromResult(new Bitrix.Requests.Raw.RawPage { Result = new JsonArray(new JsonObject()), Next = 1 });
        }

        public Task<RestBatchResult> BatchAsync(RestBatch batch, CancellationToken cancellationToken) => inner.BatchAsync(batch, cancellationToken);
    }
}
