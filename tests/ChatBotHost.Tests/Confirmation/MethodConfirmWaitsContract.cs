using ChatBotHost.Confirmation;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Confirmation;

/// <summary>What every IMethodConfirmWaits must do; run against each implementation by a subclass.</summary>
public abstract class MethodConfirmWaitsContract
{
    private const string Method = "tasks.task.add";

    protected string Portal { get; } = TestPortals.Unique();

    internal abstract Task<IMethodConfirmWaits> CreateAsync();

    [Fact]
    public async Task ListAsync_NothingRecorded_IsEmpty()
    {
        var waits = await CreateAsync();

        Assert.Empty(await waits.ListAsync(Portal, Method, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_TwoDialogs_BothAreListedWithTheirLanguage()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1", "de"), CancellationToken.None);
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "chat7"), CancellationToken.None);

        var listed = await waits.ListAsync(Portal, Method, CancellationToken.None);
        Assert.Equal(
            [new MethodConfirmWait("helpdesk", "1", "de"), new MethodConfirmWait("helpdesk", "chat7")],
            listed.OrderBy(w => w.DialogId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_SameDialogTwice_IsListedOnceWithTheNewerWait()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1", "en"), CancellationToken.None);
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1", "de"), CancellationToken.None);

        Assert.Equal([new MethodConfirmWait("helpdesk", "1", "de")], await waits.ListAsync(Portal, Method, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_MethodNameInOtherCase_FindsTheWait()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, "Tasks.Task.Add", new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        Assert.Single(await waits.ListAsync(Portal, Method, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OtherPortalOrMethod_StaysApart()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        Assert.Empty(await waits.ListAsync(TestPortals.Unique(), Method, CancellationToken.None));
        Assert.Empty(await waits.ListAsync(Portal, "crm.lead.add", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_HandedOutWaits_KeepsWaitsRecordedMeanwhile()
    {
        var waits = await CreateAsync();
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);
        var handedOut = await waits.ListAsync(Portal, Method, CancellationToken.None);
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "2"), CancellationToken.None);

        await waits.RemoveAsync(Portal, Method, handedOut, CancellationToken.None);

        Assert.Equal([new MethodConfirmWait("helpdesk", "2")], await waits.ListAsync(Portal, Method, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_EveryWait_LeavesNothing()
    {
        var waits = await CreateAsync();
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("other", "1"), CancellationToken.None);

        await waits.RemoveAsync(Portal, Method, await waits.ListAsync(Portal, Method, CancellationToken.None), CancellationToken.None);

        Assert.Empty(await waits.ListAsync(Portal, Method, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_DialogIdWithSeparators_IsKeptApartFromOthers()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("a", "b}{c:d"), CancellationToken.None);
        await waits.RecordAsync(Portal, Method, new MethodConfirmWait("a", "b"), CancellationToken.None);

        Assert.Equal(2, (await waits.ListAsync(Portal, Method, CancellationToken.None)).Count);
    }
}
