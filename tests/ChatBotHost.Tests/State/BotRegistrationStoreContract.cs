using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IBotRegistrationStore must do; run against each implementation by a subclass.</summary>
public abstract class BotRegistrationStoreContract
{
    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IBotRegistrationStore> CreateAsync();

    private static BotRegistration Sample(int botId = 7) => new()
    {
        BotId = botId,
        WebhookSecret = "s3cr3t-path-part",
        ApplicationToken = "app-token",
        CommandIds = new Dictionary<string, int> { ["help"] = 11, ["start"] = 12 },
    };

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_Registration_RoundTripsAllFields()
    {
        var store = await CreateAsync();

        await store.SaveAsync(Portal, "echo", Sample(), CancellationToken.None);

        var loaded = await store.GetAsync(Portal, "echo", CancellationToken.None);
        Assert.NotNull(loaded);
        Assert.Equal(7, loaded.BotId);
        Assert.Equal("s3cr3t-path-part", loaded.WebhookSecret);
        Assert.Equal("app-token", loaded.ApplicationToken);
        Assert.Equal(
            new Dictionary<string, int> { ["help"] = 11, ["start"] = 12 },
            loaded.CommandIds.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task SaveAsync_NoApplicationTokenNoCommands_RoundTrips()
    {
        var store = await CreateAsync();

        await store.SaveAsync(Portal, "echo", new BotRegistration { BotId = 3, WebhookSecret = "w" }, CancellationToken.None);

        var loaded = await store.GetAsync(Portal, "echo", CancellationToken.None);
        Assert.NotNull(loaded);
        Assert.Null(loaded.ApplicationToken);
        Assert.Empty(loaded.CommandIds);
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesRegistration()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample(7), CancellationToken.None);

        await store.SaveAsync(Portal, "echo", Sample(8) with { CommandIds = new Dictionary<string, int>() }, CancellationToken.None);

        var loaded = await store.GetAsync(Portal, "echo", CancellationToken.None);
        Assert.Equal(8, loaded!.BotId);
        Assert.Empty(loaded.CommandIds);
    }

    [Fact]
    public async Task SaveAsync_CallerChangesDictionaryAfterwards_StoredCopyUnchanged()
    {
        var store = await CreateAsync();
        var commands = new Dictionary<string, int> { ["help"] = 11 };
        await store.SaveAsync(Portal, "echo", Sample() with { CommandIds = commands }, CancellationToken.None);

        commands["later"] = 99;

        var loaded = await store.GetAsync(Portal, "echo", CancellationToken.None);
        Assert.Equal(["help"], loaded!.CommandIds.Keys);
    }

    [Fact]
    public async Task DeleteAsync_Saved_GetReturnsNull()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample(), CancellationToken.None);

        await store.DeleteAsync(Portal, "echo", CancellationToken.None);

        Assert.Null(await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_OtherPortalOrBotCode_IsIsolated()
    {
        var store = await CreateAsync();
        var other = TestPortals.Unique();

        await store.SaveAsync(Portal, "echo", Sample(1), CancellationToken.None);
        await store.SaveAsync(Portal, "echo}", Sample(2), CancellationToken.None);
        await store.SaveAsync(other, "echo", Sample(3), CancellationToken.None);

        Assert.Equal(1, (await store.GetAsync(Portal, "echo", CancellationToken.None))!.BotId);
        Assert.Equal(2, (await store.GetAsync(Portal, "echo}", CancellationToken.None))!.BotId);
        Assert.Equal(3, (await store.GetAsync(other, "echo", CancellationToken.None))!.BotId);
        Assert.Null(await store.GetAsync(other, "echo}", CancellationToken.None));
    }

    [Fact]
    public async Task LearnApplicationTokenAsync_NoTokenYet_StoresItAndKeepsTheRest()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample() with { ApplicationToken = null }, CancellationToken.None);

        var learned = await store.LearnApplicationTokenAsync(Portal, "echo", 7, "first", CancellationToken.None);

        Assert.Equal("first", learned!.ApplicationToken);
        var loaded = await store.GetAsync(Portal, "echo", CancellationToken.None);
        Assert.Equal("first", loaded!.ApplicationToken);
        Assert.Equal("s3cr3t-path-part", loaded.WebhookSecret);
        Assert.Equal(2, loaded.CommandIds.Count);
    }

    [Fact]
    public async Task LearnApplicationTokenAsync_TokenLearnedBefore_KeepsTheFirstAndReturnsIt()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample() with { ApplicationToken = null }, CancellationToken.None);
        await store.LearnApplicationTokenAsync(Portal, "echo", 7, "first", CancellationToken.None);

        var second = await store.LearnApplicationTokenAsync(Portal, "echo", 7, "second", CancellationToken.None);

        Assert.Equal("first", second!.ApplicationToken);
        Assert.Equal("first", (await store.GetAsync(Portal, "echo", CancellationToken.None))!.ApplicationToken);
    }

    [Fact]
    public async Task LearnApplicationTokenAsync_NothingStored_ReturnsNullAndStoresNothing()
    {
        var store = await CreateAsync();

        Assert.Null(await store.LearnApplicationTokenAsync(Portal, "echo", 7, "first", CancellationToken.None));
        Assert.Null(await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task LearnApplicationTokenAsync_StoredForAnotherBotId_LeavesItUnchanged()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample(botId: 8) with { ApplicationToken = null }, CancellationToken.None);

        var stored = await store.LearnApplicationTokenAsync(Portal, "echo", 7, "first", CancellationToken.None);

        Assert.Equal(8, stored!.BotId);
        Assert.Null(stored.ApplicationToken);
        Assert.Null((await store.GetAsync(Portal, "echo", CancellationToken.None))!.ApplicationToken);
    }

    [Fact]
    public async Task LearnApplicationTokenAsync_ManyTokensAtOnce_ExactlyOneWinsForEveryCaller()
    {
        var store = await CreateAsync();
        await store.SaveAsync(Portal, "echo", Sample() with { ApplicationToken = null }, CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.LearnApplicationTokenAsync(Portal, "echo", 7, $"token-{i}", CancellationToken.None))));

        var winner = Assert.Single(answers.Select(a => a!.ApplicationToken).Distinct());
        Assert.Equal(winner, (await store.GetAsync(Portal, "echo", CancellationToken.None))!.ApplicationToken);
    }
}
