using ChatBotHost.Confirmation;

namespace ChatBotHost.Tests.Confirmation;

public sealed class InMemoryMethodConfirmWaitsTests : MethodConfirmWaitsContract
{
    private readonly FakeTimeProvider _clock = new();

    internal override Task<IMethodConfirmWaits> CreateAsync() =>
        Task.FromResult<IMethodConfirmWaits>(new InMemoryMethodConfirmWaits(_clock));

    [Fact]
    public async Task ListAsync_RetentionPassedSinceTheLastWait_IsEmpty()
    {
        var waits = await CreateAsync();
        await waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        _clock.Advance(IMethodConfirmWaits.Retention - TimeSpan.FromSeconds(1));
        Assert.Single(await waits.ListAsync(Portal, "tasks.task.add", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await waits.ListAsync(Portal, "tasks.task.add", CancellationToken.None));
    }
}
